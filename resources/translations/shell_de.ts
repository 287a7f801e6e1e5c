<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>cli</name>
    <message>
        <source>Runs a citizens&apos; dialogue event: desk, ideas, live wall, voting, minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language of messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open the app (the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event file or database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write a realistic demo event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event file to write (replaced if it exists)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add a closed voting round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a new event file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show an event&apos;s details and fields of action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts must not be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo event written to {path}: {participants} participants ({present} present), {ideas} ideas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event created: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields of action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The event file {path} does not exist (any more). It may have been moved, renamed or be on a drive that is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder, not an event file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a smartdialog event file. Choose a file that smartdialog created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event file {path} is read-only or lies in a folder you cannot write to. Copy it into a folder of your own (for example Documents) and open the copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event file {path} is damaged and cannot be opened. Open your most recent backup copy instead; the damaged file has not been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} was made by a newer version of smartdialog. Install the newest version to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} must be upgraded before it can be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} cannot be reached: {reason}. Check the network cable and the address, or continue on this laptop&apos;s own copy of the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} already holds an event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} exists already. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written to. Choose a folder of your own, for example Documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event file {path} could not be written: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event file already holds an event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file holds no event yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a title for the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number from 1 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event cannot end before it begins. Check the times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field of action no longer exists. It may have been removed on another laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the field of action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A field of action named “{name}” exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{colour}” is not a colour. Pick one from the colour dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fields of action were changed on another laptop. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” already holds {count} ideas and cannot be removed. Rename it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the guiding question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This guiding question no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A table named “{name}” exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This table no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full; the last change was not saved. Free some space (or plug in a USB stick and save a copy there), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event file cannot be written to any more. Check that the drive is still connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another laptop is writing right now. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database does not answer. Check the network cable or the drive, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be saved. Check the drive or the network, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong that should not. It has been written to the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smartdialog</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
