<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FieldSection</name>
    <message numerus="yes">
        <source>%n dot(s) left for this field</source>
        <translation>
            <numerusform>%n dot left for this field</numerusform>
            <numerusform>%n dots left for this field</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldTab</name>
    <message numerus="yes">
        <source>%n dot(s) in this field</source>
        <translation>
            <numerusform>%n dot in this field</numerusform>
            <numerusform>%n dots in this field</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdeaCard</name>
    <message numerus="yes">
        <source>%n dot(s) on this idea</source>
        <translation>
            <numerusform>%n dot on this idea</numerusform>
            <numerusform>%n dots on this idea</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message numerus="yes">
        <source>(+ %n merged)</source>
        <translation>
            <numerusform>(+ %n merged)</numerusform>
            <numerusform>(+ %n merged)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message numerus="yes">
        <source>%n more tie(s), marked in the table.</source>
        <translation>
            <numerusform>%n more tie, marked in the table.</numerusform>
            <numerusform>%n more ties, marked in the table.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message numerus="yes">
        <source>The %n idea(s) selected in the Ideas list</source>
        <translation>
            <numerusform>The %n idea selected in the Ideas list</numerusform>
            <numerusform>The %n ideas selected in the Ideas list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n card</numerusform>
            <numerusform>%n cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n screen(s)</source>
        <translation>
            <numerusform>about %n screen</numerusform>
            <numerusform>about %n screens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VotingStation</name>
    <message numerus="yes">
        <source>You have %n dot(s) to give to the ideas you find most important.</source>
        <translation>
            <numerusform>You have %n dot to give to the idea you find most important.</numerusform>
            <numerusform>You have %n dots to give to the ideas you find most important.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n per idea.</source>
        <translation>
            <numerusform>At most %n per idea.</numerusform>
            <numerusform>At most %n per idea.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} dots left</source>
        <translation>
            <numerusform>%n of {total} dots left</numerusform>
            <numerusform>%n of {total} dots left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You leave %n dot(s) unused. That is fine.</source>
        <translation>
            <numerusform>You leave %n dot unused. That is fine.</numerusform>
            <numerusform>You leave %n dots unused. That is fine.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your choice has been changed: %n dot(s) counted.</source>
        <translation>
            <numerusform>Your choice has been changed: %n dot counted.</numerusform>
            <numerusform>Your choice has been changed: %n dots counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your %n dot(s) are counted.</source>
        <translation>
            <numerusform>Your %n dot is counted.</numerusform>
            <numerusform>Your %n dots are counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Are you still there? The ballot will be cancelled in %n second(s).</source>
        <translation>
            <numerusform>Are you still there? The ballot will be cancelled in %n second.</numerusform>
            <numerusform>Are you still there? The ballot will be cancelled in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VotingWorkspace</name>
    <message numerus="yes">
        <source>%n dot(s) per participant</source>
        <translation>
            <numerusform>%n dot per participant</numerusform>
            <numerusform>%n dots per participant</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n per idea</source>
        <translation>
            <numerusform>at most %n per idea</numerusform>
            <numerusform>at most %n per idea</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Round {number} is open: %n idea(s) frozen for voting.</source>
        <translation>
            <numerusform>Round {number} is open: %n idea frozen for voting.</numerusform>
            <numerusform>Round {number} is open: %n ideas frozen for voting.</numerusform>
        </translation>
    </message>
</context>
</TS>
