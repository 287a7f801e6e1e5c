<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge events</source>
        <translation>Veranstaltungen zusammenführen</translation>
    </message>
    <message>
        <source>Bring the copies of this event that laptops worked on without a network into “{event}”. The copies are only read, never changed. Merging the same copy twice changes nothing.</source>
        <translation>Führt die Kopien dieser Veranstaltung, mit denen Laptops ohne Netzwerk gearbeitet haben, in „{event}“ zusammen. Die Kopien werden nur gelesen, nie verändert. Dieselbe Kopie zweimal zusammenzuführen ändert nichts.</translation>
    </message>
    <message>
        <source>Event files to merge</source>
        <translation>Zusammenzuführende Veranstaltungsdateien</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>Dateien &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
        <source>Progress of the merge</source>
        <translation>Fortschritt des Zusammenführens</translation>
    </message>
    <message>
        <source>Merge report</source>
        <translation>Bericht des Zusammenführens</translation>
    </message>
    <message>
        <source>Choose the laptops&apos; event files</source>
        <translation>Veranstaltungsdateien der Laptops wählen</translation>
    </message>
    <message>
        <source>Event files (*{suffix})</source>
        <translation>Veranstaltungsdateien (*{suffix})</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Wird zusammengeführt…</translation>
    </message>
    <message>
        <source>Still to decide: until then the rounds concerned are provisional and cannot be closed. Every version stays kept in the event file.</source>
        <translation>Noch zu entscheiden: Bis dahin sind die betroffenen Runden vorläufig und können nicht geschlossen werden. Jede Fassung bleibt in der Veranstaltungsdatei erhalten.</translation>
    </message>
    <message>
        <source>Round {round}: {subject} voted at two stations</source>
        <translation>Runde {round}: {subject} hat an zwei Stationen abgestimmt</translation>
    </message>
    <message>
        <source>Round {round}: paper count of “{subject}” entered twice</source>
        <translation>Runde {round}: Papierzählung für „{subject}“ zweimal erfasst</translation>
    </message>
    <message>
        <source>Version {letter}: {device}, {when} – {total} dots</source>
        <translation>Fassung {letter}: {device}, {when} Uhr – {total} Punkte</translation>
    </message>
    <message>
        <source>(counts for now)</source>
        <translation>(gilt vorläufig)</translation>
    </message>
    <message>
        <source>Keep version {letter}</source>
        <translation>Fassung {letter} behalten</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>merge the event files of laptops that worked without a network</source>
        <translation>die Veranstaltungsdateien von Laptops zusammenführen, die ohne Netzwerk gearbeitet haben</translation>
    </message>
    <message>
        <source>the event to merge into (event file or database URL)</source>
        <translation>die Veranstaltung, in die zusammengeführt wird (Veranstaltungsdatei oder Datenbank-URL)</translation>
    </message>
    <message>
        <source>the laptops&apos; event files (they are only read, never changed)</source>
        <translation>die Veranstaltungsdateien der Laptops (sie werden nur gelesen, nie verändert)</translation>
    </message>
    <message>
        <source>output format (default: text)</source>
        <translation>Ausgabeformat (Standard: text)</translation>
    </message>
    <message>
        <source>list the cases a merge left to decide, or decide one</source>
        <translation>die beim Zusammenführen offen gebliebenen Fälle auflisten oder einen entscheiden</translation>
    </message>
    <message>
        <source>event file or database URL</source>
        <translation>Veranstaltungsdatei oder Datenbank-URL</translation>
    </message>
    <message>
        <source>the case number shown in the report</source>
        <translation>die Fallnummer aus dem Bericht</translation>
    </message>
    <message>
        <source>the version to keep: A, B, …</source>
        <translation>die Fassung, die gelten soll: A, B, …</translation>
    </message>
    <message>
        <source>Give both the case and the version to keep.</source>
        <translation>Geben Sie den Fall und die Fassung an, die gelten soll.</translation>
    </message>
    <message>
        <source>Case {case}: version {choice} kept.</source>
        <translation>Fall {case}: Fassung {choice} gilt.</translation>
    </message>
    <message>
        <source>No case is left to decide.</source>
        <translation>Es ist kein Fall mehr zu entscheiden.</translation>
    </message>
    <message>
        <source>Case {case} (round {round}): {subject}</source>
        <translation>Fall {case} (Runde {round}): {subject}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The tally of this round is provisional: merging event files left {count} case(s) for the moderator to decide (File › Merge events…, or smartdialog merge-decide). Decide them first, then close the round.</source>
        <translation>Das Ergebnis dieser Runde ist vorläufig: Beim Zusammenführen von Veranstaltungsdateien sind {count} Fall/Fälle für die Moderation offen geblieben (Datei › Veranstaltungen zusammenführen… oder smartdialog merge-decide). Entscheiden Sie diese zuerst, dann schließen Sie die Runde.</translation>
    </message>
    <message>
        <source>There is no open merge case {case} in this event.</source>
        <translation>In dieser Veranstaltung gibt es keinen offenen Fall {case} aus dem Zusammenführen.</translation>
    </message>
    <message>
        <source>The round is closed; its tally can no longer change.</source>
        <translation>Die Runde ist geschlossen; ihr Ergebnis kann sich nicht mehr ändern.</translation>
    </message>
    <message>
        <source>Choose one of the versions listed in the case ({choices}).</source>
        <translation>Wählen Sie eine der Fassungen des Falls ({choices}).</translation>
    </message>
    <message>
        <source>{path} is the event itself; a file cannot be merged into itself. Choose the copies of the other laptops.</source>
        <translation>{path} ist die Veranstaltung selbst; eine Datei kann nicht mit sich selbst zusammengeführt werden. Wählen Sie die Kopien der anderen Laptops.</translation>
    </message>
    <message>
        <source>Choose at least one event file to merge.</source>
        <translation>Wählen Sie mindestens eine Veranstaltungsdatei zum Zusammenführen.</translation>
    </message>
    <message>
        <source>{path} holds no event yet; there is nothing to merge.</source>
        <translation>{path} enthält noch keine Veranstaltung; es gibt nichts zusammenzuführen.</translation>
    </message>
    <message>
        <source>{path} belongs to another event (“{theirs}”): only copies of the same event file can be merged. Nothing was merged.</source>
        <translation>{path} gehört zu einer anderen Veranstaltung („{theirs}“): Zusammenführen lassen sich nur Kopien derselben Veranstaltungsdatei. Es wurde nichts zusammengeführt.</translation>
    </message>
    <message>
        <source>{path} holds {what} that was also created on another laptop under the same name or number; it cannot be merged automatically. Rename it on one of the laptops and merge again.</source>
        <translation>{path} enthält Einträge ({what}), die auf einem anderen Laptop unter demselben Namen oder derselben Nummer angelegt wurden; sie lassen sich nicht selbsttätig zusammenführen. Benennen Sie sie auf einem der Laptops um und führen Sie erneut zusammen.</translation>
    </message>
    <message>
        <source>{path} is damaged or was only partly copied; it cannot be merged. Copy it again from the laptop (with the program closed there) and merge the new copy.</source>
        <translation>{path} ist beschädigt oder wurde nur zum Teil kopiert; sie kann nicht zusammengeführt werden. Kopieren Sie sie noch einmal vom Laptop (dort mit geschlossenem Programm) und führen Sie die neue Kopie zusammen.</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of smartdialog. Merge it with that version, or install it on this laptop first.</source>
        <translation>{path} wurde mit einer neueren Version von smartdialog erstellt. Führen Sie sie mit dieser Version zusammen oder installieren Sie diese zuerst auf diesem Laptop.</translation>
    </message>
    <message>
        <source>{path} has a database version ({revision}) that no version of smartdialog made; it cannot be merged.</source>
        <translation>{path} hat einen Datenbankstand ({revision}), den keine Version von smartdialog erzeugt hat; die Datei kann nicht zusammengeführt werden.</translation>
    </message>
    <message>
        <source>The shared event {path} has an older database version. Open it once with this version of smartdialog (which upgrades it), then merge.</source>
        <translation>Die gemeinsame Veranstaltung {path} hat einen älteren Datenbankstand. Öffnen Sie sie einmal mit dieser Version von smartdialog (das aktualisiert sie) und führen Sie dann zusammen.</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {reason}</source>
        <translation>Die Datei {path} kann nicht gelesen werden: {reason}</translation>
    </message>
</context>
<context>
    <name>merge</name>
    <message>
        <source>{name} (ticket {ticket}) was checked in on two laptops: at {kept_at} on {kept_desk} (this one stays) and at {dup_at} on {dup_desk} (kept as an annulled duplicate).</source>
        <translation>{name} (Ticket {ticket}) wurde an zwei Laptops eingecheckt: um {kept_at} Uhr an {kept_desk} (dieser Check-in gilt) und um {dup_at} Uhr an {dup_desk} (bleibt als annullierte Doppelung erhalten).</translation>
    </message>
    <message>
        <source>An idea was edited on two laptops. The later wording shows: “{shown}”. The other wording stays in its history: “{other}”.</source>
        <translation>Eine Idee wurde an zwei Laptops bearbeitet. Angezeigt wird die spätere Fassung: „{shown}“. Die andere Fassung bleibt in ihrem Verlauf erhalten: „{other}“.</translation>
    </message>
    <message>
        <source>Ticket number {original} was given on two laptops. {name}, registered later, now has ticket number {number}; a badge printed with {original} must be printed again.</source>
        <translation>Die Ticketnummer {original} wurde an zwei Laptops vergeben. {name} (später registriert) hat jetzt die Ticketnummer {number}; ein mit {original} gedrucktes Namensschild muss neu gedruckt werden.</translation>
    </message>
    <message>
        <source>{subject} voted at two stations in round {round}; together the ballots exceed the round&apos;s rules. Versions (laptop, time – dots): {versions}. Until you decide, version A counts. Case {case}.</source>
        <translation>{subject} hat in Runde {round} an zwei Stationen abgestimmt; zusammen gehen die Stimmzettel über die Regeln der Runde hinaus. Fassungen (Laptop, Uhrzeit – Punkte): {versions}. Bis Sie entscheiden, gilt Fassung A. Fall {case}.</translation>
    </message>
    <message>
        <source>The paper count of “{subject}” in round {round} was entered on two laptops. Versions (laptop, time – dots): {versions}. Until you decide, version A counts. Case {case}.</source>
        <translation>Die Papierzählung für „{subject}“ in Runde {round} wurde an zwei Laptops erfasst. Fassungen (Laptop, Uhrzeit – Punkte): {versions}. Bis Sie entscheiden, gilt Fassung A. Fall {case}.</translation>
    </message>
    <message>
        <source>An entry of the {what} was changed differently on two laptops; where both gave a value, the merge kept one of them ({id}). Please check it.</source>
        <translation>Ein Eintrag ({what}) wurde an zwei Laptops unterschiedlich geändert; wo beide einen Wert hatten, wurde einer davon übernommen ({id}). Bitte prüfen Sie ihn.</translation>
    </message>
    <message>
        <source>The times of laptop {device} lie about {minutes} minutes after those of the others: its clock was probably ahead. Its times were kept as recorded, and the rule “the earliest check-in stays” used them as they are; look at its duplicate check-ins above.</source>
        <translation>Die Zeiten des Laptops {device} liegen etwa {minutes} Minuten nach denen der anderen: Seine Uhr ging vermutlich vor. Seine Zeiten wurden so übernommen, wie sie erfasst wurden, und die Regel „der früheste Check-in gilt“ hat sie so verwendet; prüfen Sie seine doppelten Check-ins oben.</translation>
    </message>
    <message>
        <source>The times of laptop {device} lie about {minutes} minutes before those of the others: its clock was probably behind. Its times were kept as recorded, and the rule “the earliest check-in stays” used them as they are; look at its duplicate check-ins above.</source>
        <translation>Die Zeiten des Laptops {device} liegen etwa {minutes} Minuten vor denen der anderen: Seine Uhr ging vermutlich nach. Seine Zeiten wurden so übernommen, wie sie erfasst wurden, und die Regel „der früheste Check-in gilt“ hat sie so verwendet; prüfen Sie seine doppelten Check-ins oben.</translation>
    </message>
    <message>
        <source>Round {round} was closed on one laptop while another still took votes: its published tally no longer matches the merged dots. Say so in the minutes.</source>
        <translation>Runde {round} wurde an einem Laptop geschlossen, während ein anderer noch Stimmen annahm: Ihr veröffentlichtes Ergebnis passt nicht mehr zu den zusammengeführten Punkten. Vermerken Sie das im Protokoll.</translation>
    </message>
    <message>
        <source>laptops</source>
        <translation>Laptops</translation>
    </message>
    <message>
        <source>event details</source>
        <translation>Angaben zur Veranstaltung</translation>
    </message>
    <message>
        <source>fields of action</source>
        <translation>Handlungsfelder</translation>
    </message>
    <message>
        <source>guiding questions</source>
        <translation>Leitfragen</translation>
    </message>
    <message>
        <source>tables</source>
        <translation>Tische</translation>
    </message>
    <message>
        <source>participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>check-ins</source>
        <translation>Check-ins</translation>
    </message>
    <message>
        <source>scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>printed badges</source>
        <translation>gedruckte Namensschilder</translation>
    </message>
    <message>
        <source>ideas</source>
        <translation>Ideen</translation>
    </message>
    <message>
        <source>idea history entries</source>
        <translation>Einträge im Ideenverlauf</translation>
    </message>
    <message>
        <source>idea tags</source>
        <translation>Schlagworte</translation>
    </message>
    <message>
        <source>voting rounds</source>
        <translation>Abstimmungsrunden</translation>
    </message>
    <message>
        <source>fields of voting rounds</source>
        <translation>Handlungsfelder von Abstimmungsrunden</translation>
    </message>
    <message>
        <source>ideas of voting rounds</source>
        <translation>Ideen von Abstimmungsrunden</translation>
    </message>
    <message>
        <source>ballots</source>
        <translation>Stimmzettel</translation>
    </message>
    <message>
        <source>dots</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>paper counts</source>
        <translation>Papierzählungen</translation>
    </message>
    <message>
        <source>minutes texts</source>
        <translation>Texte der Dokumentation</translation>
    </message>
    <message>
        <source>log entries</source>
        <translation>Logbuch-Einträge</translation>
    </message>
    <message>
        <source>Merged into {target}.</source>
        <translation>Zusammengeführt in {target}.</translation>
    </message>
    <message>
        <source>no laptop</source>
        <translation>kein Laptop</translation>
    </message>
    <message>
        <source>From {source} (written on: {devices}):</source>
        <translation>Aus {source} (erfasst an: {devices}):</translation>
    </message>
    <message>
        <source>new: {counts}</source>
        <translation>neu: {counts}</translation>
    </message>
    <message>
        <source>brought up to date: {counts}</source>
        <translation>auf den neuesten Stand gebracht: {counts}</translation>
    </message>
    <message>
        <source>From {source}: nothing new, it had been merged already.</source>
        <translation>Aus {source}: nichts Neues, die Datei war bereits zusammengeführt.</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Keine Konflikte.</translation>
    </message>
    <message>
        <source>Settled by the merge rules ({count}):</source>
        <translation>Nach den Regeln des Zusammenführens geklärt ({count}):</translation>
    </message>
    <message>
        <source>For the moderator to decide ({count}):</source>
        <translation>Von der Moderation zu entscheiden ({count}):</translation>
    </message>
    <message>
        <source>{count} case(s) still to decide: the tally of the rounds concerned is provisional and they cannot be closed until then.</source>
        <translation>Noch {count} Fall/Fälle zu entscheiden: Das Ergebnis der betroffenen Abstimmungsrunden ist bis dahin vorläufig, die Runden können erst danach geschlossen werden.</translation>
    </message>
    <message>
        <source>To decide a case: use the buttons in the window File › Merge events…, or type: smartdialog merge-decide EVENT CASE A (or B).</source>
        <translation>Einen Fall entscheiden: mit den Knöpfen im Fenster Datei › Veranstaltungen zusammenführen… oder mit dem Befehl smartdialog merge-decide VERANSTALTUNG FALL A (oder B).</translation>
    </message>
    <message>
        <source>Please note:</source>
        <translation>Bitte beachten:</translation>
    </message>
</context>
</TS>
