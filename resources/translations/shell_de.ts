<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AutoBackupDialog</name>
    <message>
        <source>Automatic backups</source>
        <translation>Automatische Sicherung</translation>
    </message>
    <message>
        <source>smartdialog saves a complete copy of the open event every few minutes. Choose a folder on another drive, for example a USB stick: if this laptop fails, the copies are still there. Each copy carries the time in its name; the newest ones are kept.</source>
        <translation>smartdialog speichert alle paar Minuten eine vollständige Kopie der geöffneten Veranstaltung. Wählen Sie einen Ordner auf einem anderen Laufwerk, zum Beispiel auf einem USB-Stick: Fällt dieser Laptop aus, sind die Kopien noch da. Jede Kopie trägt die Uhrzeit im Namen; die neuesten werden aufbewahrt.</translation>
    </message>
    <message>
        <source>Save backups automatically</source>
        <translation>Automatisch Sicherungskopien speichern</translation>
    </message>
    <message>
        <source>for example the USB stick</source>
        <translation>zum Beispiel der USB-Stick</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>every </source>
        <translation>alle </translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source> copies</source>
        <translation> Kopien</translation>
    </message>
    <message>
        <source>How often:</source>
        <translation>Wie oft:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Keep the newest:</source>
        <translation>Die neuesten behalten:</translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation>Ordner für Sicherungskopien</translation>
    </message>
</context>
<context>
    <name>ChangeFeed</name>
    <message>
        <source>The host laptop has not answered for {seconds} seconds. Check the network; smartdialog keeps trying.</source>
        <translation>Der Gastgeber-Laptop hat seit {seconds} Sekunden nicht geantwortet. Bitte prüfen Sie das Netzwerk; smartdialog versucht es weiter.</translation>
    </message>
</context>
<context>
    <name>EventSettings</name>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>e.g. Citizens&apos; dialogue Smart City</source>
        <translation>z. B. Bürgerdialog Smart City</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>&amp;Zeitzone</translation>
    </message>
    <message>
        <source>Every time of the event (desk, ideas, wall, minutes) is shown on this clock, whatever the laptop is set to.</source>
        <translation>Alle Zeiten der Veranstaltung (Empfang, Ideen, Wand, Protokoll) werden in dieser Zeitzone angezeigt, gleich wie der Laptop eingestellt ist.</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>Veranstaltungs&amp;ort</translation>
    </message>
    <message>
        <source>&amp;Organiser</source>
        <translation>Veranst&amp;alter</translation>
    </message>
    <message>
        <source>&amp;Council reference</source>
        <translation>&amp;Ratsvorlage</translation>
    </message>
    <message>
        <source>e.g. V/0164/2018</source>
        <translation>z. B. V/0164/2018</translation>
    </message>
    <message>
        <source>&amp;Moderation</source>
        <translation>&amp;Moderation</translation>
    </message>
    <message>
        <source>&amp;Guiding question</source>
        <translation>&amp;Leitfrage</translation>
    </message>
    <message>
        <source>Default rules for dot-voting</source>
        <translation>Standardregeln für die Punktabstimmung</translation>
    </message>
    <message>
        <source>Dots per &amp;participant</source>
        <translation>Punkte je &amp;Teilnehmer/in</translation>
    </message>
    <message>
        <source>At most per &amp;idea</source>
        <translation>Höchstens je &amp;Idee</translation>
    </message>
    <message>
        <source>Smallest group shown in the &amp;minutes</source>
        <translation>Kleinste Gruppe in der &amp;Dokumentation</translation>
    </message>
    <message>
        <source>Breakdowns (by district, organisation) are printed only for groups at least this large, so that nobody can be recognised.</source>
        <translation>Aufschlüsselungen (nach Stadtteil, Organisation) werden nur für Gruppen ab dieser Größe gedruckt, damit niemand erkennbar ist.</translation>
    </message>
    <message>
        <source>Changes are saved as you make them.</source>
        <translation>Änderungen werden sofort gespeichert.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Switch role…</source>
        <translation>Rolle wechseln …</translation>
    </message>
    <message>
        <source>“{workspace}” stays locked on this laptop</source>
        <translation>„{workspace}“ ist an diesem Laptop gesperrt</translation>
    </message>
    <message>
        <source>This laptop is set to the role “{role}”. “{workspace}” is for: {allowed}. To open it here, switch the role with the PIN of one of these roles.</source>
        <translation>Dieser Laptop ist auf die Rolle „{role}“ eingestellt. „{workspace}“ ist für: {allowed}. Um es hier zu öffnen, wechseln Sie die Rolle mit der PIN einer dieser Rollen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Setup</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>Ideen</translation>
    </message>
    <message>
        <source>Live wall</source>
        <translation>Live-Wand</translation>
    </message>
    <message>
        <source>Voting</source>
        <translation>Abstimmung</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Arbeitsbereiche</translation>
    </message>
    <message>
        <source>Click to rename this laptop, e.g. “Registration 2”</source>
        <translation>Klicken, um diesen Laptop umzubenennen, z. B. „Empfang 2“</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;Neue Veranstaltung…</translation>
    </message>
    <message>
        <source>&amp;Open event…</source>
        <translation>Veranstaltung ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Connect to a &amp;shared event…</source>
        <translation>Mit &amp;gemeinsamer Veranstaltung verbinden…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Save a &amp;backup copy…</source>
        <translation>&amp;Sicherungskopie speichern…</translation>
    </message>
    <message>
        <source>&amp;Automatic backups…</source>
        <translation>&amp;Automatische Sicherung…</translation>
    </message>
    <message>
        <source>&amp;Merge events…</source>
        <translation>Veranstaltungen zusa&amp;mmenführen…</translation>
    </message>
    <message>
        <source>&amp;Close event</source>
        <translation>Veranstaltung &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Name of this laptop…</source>
        <translation>&amp;Name dieses Laptops…</translation>
    </message>
    <message>
        <source>&amp;Role of this laptop…</source>
        <translation>&amp;Rolle dieses Laptops…</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>&amp;Größere Schrift</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>Hoher &amp;Kontrast</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Open the &amp;log file</source>
        <translation>&amp;Protokolldatei öffnen</translation>
    </message>
    <message>
        <source>&amp;About smartdialog</source>
        <translation>&amp;Über smartdialog</translation>
    </message>
    <message>
        <source>Opening the event …</source>
        <translation>Veranstaltung wird geöffnet …</translation>
    </message>
    <message>
        <source>Open event</source>
        <translation>Veranstaltung öffnen</translation>
    </message>
    <message>
        <source>Creating the event …</source>
        <translation>Veranstaltung wird angelegt …</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Neue Veranstaltung</translation>
    </message>
    <message>
        <source>This laptop: {name}</source>
        <translation>Dieser Laptop: {name}</translation>
    </message>
    <message>
        <source>Working on this laptop&apos;s copy</source>
        <translation>Arbeit mit der Kopie dieses Laptops</translation>
    </message>
    <message>
        <source>Event file: {path}</source>
        <translation>Veranstaltungsdatei: {path}</translation>
    </message>
    <message>
        <source>Shared event: {url}</source>
        <translation>Gemeinsame Veranstaltung: {url}</translation>
    </message>
    <message>
        <source>⚠ No connection to the event database</source>
        <translation>⚠ Keine Verbindung zur Veranstaltungsdatenbank</translation>
    </message>
    <message>
        <source>The event database does not answer. Check the network cable; smartdialog keeps trying.</source>
        <translation>Die Veranstaltungsdatenbank antwortet nicht. Prüfen Sie das Netzwerkkabel; smartdialog versucht es weiter.</translation>
    </message>
    <message>
        <source>Connection to the event database restored.</source>
        <translation>Die Verbindung zur Veranstaltungsdatenbank steht wieder.</translation>
    </message>
    <message>
        <source>smartdialog events (*{suffix});;All files (*)</source>
        <translation>smartdialog-Veranstaltungen (*{suffix});;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Title of the event:</source>
        <translation>Titel der Veranstaltung:</translation>
    </message>
    <message>
        <source>Citizens&apos; dialogue</source>
        <translation>Bürgerdialog</translation>
    </message>
    <message>
        <source>Save the new event as</source>
        <translation>Neue Veranstaltung speichern unter</translation>
    </message>
    <message>
        <source>Connect to a shared event</source>
        <translation>Mit gemeinsamer Veranstaltung verbinden</translation>
    </message>
    <message>
        <source>Address of the shared event database, as the organisers gave it to you
(for example postgresql://event@192.168.1.10/buergerdialog):</source>
        <translation>Adresse der gemeinsamen Veranstaltungsdatenbank, wie Sie sie vom Organisationsteam bekommen haben
(zum Beispiel postgresql://event@192.168.1.10/buergerdialog):</translation>
    </message>
    <message>
        <source>“{url}” is not a database address. It starts with postgresql://</source>
        <translation>„{url}“ ist keine Datenbankadresse. Sie beginnt mit postgresql://</translation>
    </message>
    <message>
        <source>Save a backup copy</source>
        <translation>Sicherungskopie speichern</translation>
    </message>
    <message>
        <source>Saving the backup copy…</source>
        <translation>Die Sicherungskopie wird gespeichert…</translation>
    </message>
    <message>
        <source>Backup copy saved: {path}</source>
        <translation>Sicherungskopie gespeichert: {path}</translation>
    </message>
    <message>
        <source>The backup copy was saved:
{path}

It holds everything entered up to now, also on the other laptops. Open it like any event file if you need it.</source>
        <translation>Die Sicherungskopie wurde gespeichert:
{path}

Sie enthält alles, was bis jetzt eingegeben wurde, auch an den anderen Laptops. Wenn Sie sie brauchen, öffnen Sie sie wie jede Veranstaltungsdatei.</translation>
    </message>
    <message>
        <source>Automatic backup saved: {path}</source>
        <translation>Automatische Sicherungskopie gespeichert: {path}</translation>
    </message>
    <message>
        <source>⚠ Automatic backup failed</source>
        <translation>⚠ Automatische Sicherung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Automatische Sicherung</translation>
    </message>
    <message>
        <source>Name of this laptop</source>
        <translation>Name dieses Laptops</translation>
    </message>
    <message>
        <source>Shown on other laptops and in the logs, e.g. “Registration 2” or “Table Mobility”:</source>
        <translation>Wird auf den anderen Laptops und in den Protokollen angezeigt, z. B. „Empfang 2“ oder „Tisch Mobilität“:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language is used from the next start of smartdialog.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von smartdialog.</translation>
    </message>
    <message>
        <source>About smartdialog</source>
        <translation>Über smartdialog</translation>
    </message>
    <message>
        <source>&lt;h3&gt;smartdialog {version}&lt;/h3&gt;&lt;p&gt;Runs a city&apos;s public citizens&apos; dialogue: registration desk, idea capture, live wall, dot-voting and the minutes for the council.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;smartdialog {version}&lt;/h3&gt;&lt;p&gt;Begleitet den öffentlichen Bürgerdialog einer Stadt: Empfang, Ideensammlung, Live-Wand, Punktabstimmung und die Dokumentation für den Rat.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Click to switch this laptop&apos;s role (needs a PIN)</source>
        <translation>Klicken, um die Rolle dieses Laptops zu wechseln (braucht eine PIN)</translation>
    </message>
    <message>
        <source>Locked for this laptop&apos;s role</source>
        <translation>Für die Rolle dieses Laptops gesperrt</translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation>Rolle: {role}</translation>
    </message>
    <message>
        <source>Role: {role} (no PINs set)</source>
        <translation>Rolle: {role} (keine PINs gesetzt)</translation>
    </message>
</context>
<context>
    <name>OfflineController</name>
    <message>
        <source>No connection to the host since {time} – you are working locally</source>
        <translation>Keine Verbindung zum Gastgeber seit {time} – Sie arbeiten lokal weiter</translation>
    </message>
    <message>
        <source>Local copy</source>
        <translation>Lokale Kopie</translation>
    </message>
    <message>
        <source>Open event</source>
        <translation>Veranstaltung öffnen</translation>
    </message>
    <message>
        <source>The hosting laptop does not answer. This laptop has its own copy of “{title}” from {time} ({minutes} minutes old). Work on it now? What you enter is brought into the shared event as soon as the host answers again.</source>
        <translation>Der Gastgeber-Laptop antwortet nicht. Dieser Laptop hat eine eigene Kopie von „{title}“ von {time} Uhr ({minutes} Minuten alt). Jetzt damit weiterarbeiten? Was Sie eingeben, kommt in die gemeinsame Veranstaltung, sobald der Gastgeber wieder antwortet.</translation>
    </message>
    <message>
        <source>Back online</source>
        <translation>Wieder verbunden</translation>
    </message>
    <message>
        <source>Connected again – {count} local entries transferred</source>
        <translation>Wieder verbunden – {count} lokale Einträge übertragen</translation>
    </message>
    <message>
        <source>The connection to the hosting laptop is back. What this laptop entered meanwhile is now in the shared event; the merge had to decide the following.</source>
        <translation>Die Verbindung zum Gastgeber-Laptop ist wieder da. Was dieser Laptop inzwischen erfasst hat, ist jetzt in der gemeinsamen Veranstaltung; beim Zusammenführen war Folgendes zu entscheiden.</translation>
    </message>
</context>
<context>
    <name>PinChangeDialog</name>
    <message>
        <source>PIN of Administration</source>
        <translation>PIN der Verwaltung</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Neue PIN noch einmal</translation>
    </message>
    <message>
        <source>New PIN (4 to 12 digits)</source>
        <translation>Neue PIN (4 bis 12 Ziffern)</translation>
    </message>
    <message>
        <source>The two new PINs differ.</source>
        <translation>Die beiden neuen PINs sind verschieden.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Role of this laptop</source>
        <translation>Rolle dieses Laptops</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Reception: the desk. Moderation: ideas, live wall, voting and paper counts. Administration: everything, including setup, privacy, the final minutes and PINs. Enter the PIN of the chosen role or the PIN of Administration.</source>
        <translation>Empfang: die Anmeldung. Moderation: Ideen, Live-Wand, Abstimmung und Papierzählungen. Verwaltung: alles, auch Einrichtung, Datenschutz, die endgültige Dokumentation und die PINs. Geben Sie die PIN der gewählten Rolle oder die PIN der Verwaltung ein.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Wrong PIN. Enter the PIN of Administration.</source>
        <translation>Falsche PIN. Geben Sie die PIN der Verwaltung ein.</translation>
    </message>
    <message>
        <source>Wrong PIN. Enter the PIN of “{role}” or of Administration.</source>
        <translation>Falsche PIN. Geben Sie die PIN von „{role}“ oder der Verwaltung ein.</translation>
    </message>
</context>
<context>
    <name>SetupWorkspace</name>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Roles and PINs</source>
        <translation>Rollen und PINs</translation>
    </message>
    <message>
        <source>PIN of Administration …</source>
        <translation>PIN der Verwaltung …</translation>
    </message>
    <message>
        <source>PIN of Moderation …</source>
        <translation>PIN der Moderation …</translation>
    </message>
    <message>
        <source>PIN of Reception …</source>
        <translation>PIN des Empfangs …</translation>
    </message>
    <message>
        <source>No PINs set: every laptop may open everything. Set the PIN of Administration to lock setup, privacy, the final minutes and the PINs; then set the PINs of Moderation and Reception.</source>
        <translation>Keine PINs gesetzt: Jeder Laptop darf alles öffnen. Setzen Sie die PIN der Verwaltung, um Einrichtung, Datenschutz, die endgültige Dokumentation und die PINs zu sperren; danach die PINs von Moderation und Empfang.</translation>
    </message>
    <message>
        <source>PINs set: {roles}. A laptop switches its role with one of them.</source>
        <translation>PINs gesetzt: {roles}. Ein Laptop wechselt seine Rolle mit einer davon.</translation>
    </message>
    <message>
        <source>PIN of {role}</source>
        <translation>PIN: {role}</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Farbe…</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Description of the selected field</source>
        <translation>Beschreibung des gewählten Handlungsfelds</translation>
    </message>
    <message>
        <source>Short description of the selected field (optional)</source>
        <translation>Kurzbeschreibung des gewählten Handlungsfelds (optional)</translation>
    </message>
    <message>
        <source>New guiding question</source>
        <translation>Neue Leitfrage</translation>
    </message>
    <message>
        <source>New guiding question, then Enter</source>
        <translation>Neue Leitfrage, dann Enter</translation>
    </message>
    <message>
        <source>Remove question</source>
        <translation>Frage entfernen</translation>
    </message>
    <message>
        <source>Guiding questions of the selected field</source>
        <translation>Leitfragen des gewählten Handlungsfelds</translation>
    </message>
    <message>
        <source>Fields of action</source>
        <translation>Handlungsfelder</translation>
    </message>
    <message>
        <source>Name of a new table, then Enter</source>
        <translation>Name eines neuen Tisches, dann Enter</translation>
    </message>
    <message>
        <source>One table per field</source>
        <translation>Ein Tisch je Handlungsfeld</translation>
    </message>
    <message>
        <source>Adds a table for every field of action that has none yet.</source>
        <translation>Legt für jedes Handlungsfeld ohne Tisch einen an.</translation>
    </message>
    <message>
        <source>Remove table</source>
        <translation>Tisch entfernen</translation>
    </message>
    <message>
        <source>Tables and facilitators</source>
        <translation>Tische und Moderation</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Name of a new table</source>
        <translation>Name eines neuen Tisches</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>New field of action</source>
        <translation>Neues Handlungsfeld</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Colour of “{name}”</source>
        <translation>Farbe von „{name}“</translation>
    </message>
    <message>
        <source>Remove field of action</source>
        <translation>Handlungsfeld entfernen</translation>
    </message>
    <message>
        <source>Remove “{name}” and its guiding questions?</source>
        <translation>„{name}“ mit seinen Leitfragen entfernen?</translation>
    </message>
    <message>
        <source>Table {number} – {field}</source>
        <translation>Tisch {number} – {field}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
</context>
<context>
    <name>StationTableModel</name>
    <message>
        <source>Table</source>
        <translation>Tisch</translation>
    </message>
    <message>
        <source>Field of action</source>
        <translation>Handlungsfeld</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Moderation</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to smartdialog</source>
        <translation>Willkommen bei smartdialog</translation>
    </message>
    <message>
        <source>Create a new event, open an event file, or connect to an event that several laptops share. Changes are saved as they happen.</source>
        <translation>Legen Sie eine neue Veranstaltung an, öffnen Sie eine Veranstaltungsdatei oder verbinden Sie sich mit einer Veranstaltung, die mehrere Laptops gemeinsam nutzen. Änderungen werden sofort gespeichert.</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>Neue Veranstaltung…</translation>
    </message>
    <message>
        <source>Open event…</source>
        <translation>Veranstaltung öffnen…</translation>
    </message>
    <message>
        <source>Connect to a shared event…</source>
        <translation>Mit gemeinsamer Veranstaltung verbinden…</translation>
    </message>
    <message>
        <source>Recently opened</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>(nicht gefunden)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Sorry</source>
        <translation>Entschuldigung</translation>
    </message>
    <message>
        <source>Sorry, something went wrong that should not have. Everything you saved is still there. Please carry on; if it happens again, restart smartdialog.</source>
        <translation>Entschuldigung, hier ist etwas schiefgegangen, das nicht passieren sollte. Alles Gespeicherte ist noch da. Bitte arbeiten Sie weiter; wenn es wieder passiert, starten Sie smartdialog neu.</translation>
    </message>
    <message>
        <source>Details are in the log file:
{path}</source>
        <translation>Einzelheiten stehen in der Protokolldatei:
{path}</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>Aufruf: </translation>
    </message>
    <message>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>Angaben</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>diese Hilfe zeigen und beenden</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>die Versionsnummer zeigen und beenden</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: Fehler: %(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>Diese Angaben fehlen: %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>Unbekannte Angaben: %s</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>Angabe %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>%(value)r ist keine der möglichen Angaben (%(choices)s)</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>ungültiger Wert: %(value)r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>erwartet einen Wert</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>erwartet mindestens einen Wert</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>erwartet höchstens einen Wert</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>erwartet %s Wert</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>erwartet %s Werte</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>mehrdeutige Option: %(option)s könnte %(matches)s sein</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>nicht zusammen mit %s erlaubt</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>eine dieser Angaben ist nötig: %s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>überzählige Angabe %r</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Runs a citizens&apos; dialogue event: desk, ideas, live wall, voting, minutes.</source>
        <translation>Begleitet einen Bürgerdialog: Empfang, Ideen, Live-Wand, Abstimmung, Dokumentation.</translation>
    </message>
    <message>
        <source>language of messages</source>
        <translation>Sprache der Meldungen</translation>
    </message>
    <message>
        <source>open the app (the default)</source>
        <translation>die Anwendung öffnen (Standard)</translation>
    </message>
    <message>
        <source>event file or database URL</source>
        <translation>Veranstaltungsdatei oder Datenbankadresse</translation>
    </message>
    <message>
        <source>Cannot use {path}: {reason}</source>
        <translation>{path} kann nicht verwendet werden: {reason}</translation>
    </message>
    <message>
        <source>write a realistic demo event</source>
        <translation>eine realistische Demo-Veranstaltung schreiben</translation>
    </message>
    <message>
        <source>the event file to write (replaced if it exists)</source>
        <translation>die zu schreibende Veranstaltungsdatei (wird ersetzt, falls vorhanden)</translation>
    </message>
    <message>
        <source>add a closed voting round</source>
        <translation>eine abgeschlossene Abstimmungsrunde hinzufügen</translation>
    </message>
    <message>
        <source>create a new event file</source>
        <translation>eine neue Veranstaltungsdatei anlegen</translation>
    </message>
    <message>
        <source>show an event&apos;s details and fields of action</source>
        <translation>Angaben und Handlungsfelder einer Veranstaltung anzeigen</translation>
    </message>
    <message>
        <source>save a complete backup copy of an event file, also while in use</source>
        <translation>eine vollständige Sicherungskopie einer Veranstaltungsdatei speichern, auch während sie benutzt wird</translation>
    </message>
    <message>
        <source>event file</source>
        <translation>Veranstaltungsdatei</translation>
    </message>
    <message>
        <source>the backup file to write</source>
        <translation>die Sicherungskopie, die geschrieben wird</translation>
    </message>
    <message>
        <source>Counts must not be negative.</source>
        <translation>Anzahlen dürfen nicht negativ sein.</translation>
    </message>
    <message>
        <source>Demo event written to {path}: {participants} participants ({present} present), {ideas} ideas.</source>
        <translation>Demo-Veranstaltung geschrieben nach {path}: {participants} Teilnehmende ({present} anwesend), {ideas} Ideen.</translation>
    </message>
    <message>
        <source>Event created: {path}</source>
        <translation>Veranstaltung angelegt: {path}</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Veranstalter</translation>
    </message>
    <message>
        <source>Council reference</source>
        <translation>Ratsvorlage</translation>
    </message>
    <message>
        <source>Event code</source>
        <translation>Veranstaltungscode</translation>
    </message>
    <message>
        <source>Fields of action:</source>
        <translation>Handlungsfelder:</translation>
    </message>
    <message>
        <source>Tables:</source>
        <translation>Tische:</translation>
    </message>
    <message>
        <source>Backup copy saved: {path} ({size} kB)</source>
        <translation>Sicherungskopie gespeichert: {path} ({size} kB)</translation>
    </message>
    <message>
        <source>There is nobody to ask for confirmation (no terminal). Add --yes to the command if you mean it.</source>
        <translation>Es gibt niemanden, der die Rückfrage beantworten kann (kein Terminal). Hängen Sie --yes an den Befehl an, wenn Sie es so meinen.</translation>
    </message>
    <message>
        <source>PIN ({roles}): </source>
        <translation>PIN ({roles}): </translation>
    </message>
    <message>
        <source>This job needs the PIN of one of these roles: {roles}. There is no terminal to ask for it: set the environment variable {variable}.</source>
        <translation>Diese Aufgabe braucht die PIN einer dieser Rollen: {roles}. Es gibt kein Terminal, um danach zu fragen: Setzen Sie die Umgebungsvariable {variable}.</translation>
    </message>
    <message>
        <source>Wrong PIN, or its role may not do this job. It needs one of: {roles}.</source>
        <translation>Falsche PIN, oder ihre Rolle darf diese Aufgabe nicht erledigen. Nötig ist eine dieser Rollen: {roles}.</translation>
    </message>
    <message>
        <source>check an event file against the tally hash written down when a round closed</source>
        <translation>eine Veranstaltungsdatei mit dem Prüfwert vergleichen, der beim Abschluss einer Runde notiert wurde</translation>
    </message>
    <message>
        <source>the hash as written down (spaces and case do not matter)</source>
        <translation>der Prüfwert wie notiert (Leerzeichen sowie Groß- und Kleinschreibung sind egal)</translation>
    </message>
    <message>
        <source>write the one-page voting protocol of a closed round to sign</source>
        <translation>das einseitige Abstimmungsprotokoll einer abgeschlossenen Runde zum Unterschreiben schreiben</translation>
    </message>
    <message>
        <source>round number (default: the last)</source>
        <translation>Nummer der Runde (Vorgabe: die letzte)</translation>
    </message>
    <message>
        <source>set the PIN of a role</source>
        <translation>die PIN einer Rolle setzen</translation>
    </message>
    <message>
        <source>MATCHES: round {number} of this file gives exactly the hash that was written down, and the audit log is unbroken.</source>
        <translation>STIMMT ÜBEREIN: Runde {number} dieser Datei ergibt genau den notierten Prüfwert, und das Protokoll der Änderungen ist lückenlos.</translation>
    </message>
    <message>
        <source>DOES NOT MATCH: the votes of round {number} in this file do not give the hash that was written down. The file was changed after the round closed, or the hash was copied wrongly.</source>
        <translation>STIMMT NICHT ÜBEREIN: Die Stimmen von Runde {number} in dieser Datei ergeben nicht den notierten Prüfwert. Die Datei wurde nach dem Abschluss der Runde geändert, oder der Prüfwert wurde falsch abgeschrieben.</translation>
    </message>
    <message>
        <source>The votes match the written hash, but the hash stored in the file was changed.</source>
        <translation>Die Stimmen passen zum notierten Prüfwert, aber der in der Datei gespeicherte Prüfwert wurde geändert.</translation>
    </message>
    <message>
        <source>The votes of round {number} match the written hash.</source>
        <translation>Die Stimmen von Runde {number} passen zum notierten Prüfwert.</translation>
    </message>
    <message>
        <source>The audit log was edited: entry {seq} ({action}) is the first that no longer fits its chain.</source>
        <translation>Das Protokoll der Änderungen wurde bearbeitet: Eintrag {seq} ({action}) ist der erste, der nicht mehr in seine Kette passt.</translation>
    </message>
    <message>
        <source>No round is closed yet.</source>
        <translation>Noch keine Runde ist abgeschlossen.</translation>
    </message>
    <message>
        <source>Protocol written to {path}.</source>
        <translation>Protokoll geschrieben nach {path}.</translation>
    </message>
    <message>
        <source>New PIN (4 to 12 digits): </source>
        <translation>Neue PIN (4 bis 12 Ziffern): </translation>
    </message>
    <message>
        <source>The same PIN again: </source>
        <translation>Dieselbe PIN noch einmal: </translation>
    </message>
    <message>
        <source>A new PIN can only be entered on a terminal.</source>
        <translation>Eine neue PIN kann nur an einem Terminal eingegeben werden.</translation>
    </message>
    <message>
        <source>The two PINs differ. Nothing was changed.</source>
        <translation>Die beiden PINs sind verschieden. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The PIN of the role {role} is set.</source>
        <translation>Die PIN der Rolle {role} ist gesetzt.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The event file {path} does not exist (any more). It may have been moved, renamed or be on a drive that is not connected.</source>
        <translation>Die Veranstaltungsdatei {path} gibt es nicht (mehr). Vielleicht wurde sie verschoben oder umbenannt, oder sie liegt auf einem Laufwerk, das nicht angeschlossen ist.</translation>
    </message>
    <message>
        <source>The backup could not be saved: the folder {folder} cannot be found. If it is on a USB stick, plug the stick in again or choose another folder. Nothing was lost: the event itself is saved as before.</source>
        <translation>Die Sicherungskopie konnte nicht gespeichert werden: Der Ordner {folder} ist nicht zu finden. Liegt er auf einem USB-Stick, stecken Sie den Stick wieder ein oder wählen Sie einen anderen Ordner. Nichts ist verloren: Die Veranstaltung selbst ist weiterhin gespeichert.</translation>
    </message>
    <message>
        <source>A backup cannot replace the event file itself. Choose another name or folder.</source>
        <translation>Eine Sicherungskopie kann nicht die Veranstaltungsdatei selbst ersetzen. Wählen Sie einen anderen Namen oder Ordner.</translation>
    </message>
    <message>
        <source>The backup could not be saved: the drive with the folder {folder} is full. Free some space there or choose another folder. Nothing was lost: the event itself is saved as before.</source>
        <translation>Die Sicherungskopie konnte nicht gespeichert werden: Das Laufwerk mit dem Ordner {folder} ist voll. Schaffen Sie dort Platz oder wählen Sie einen anderen Ordner. Nichts ist verloren: Die Veranstaltung selbst ist weiterhin gespeichert.</translation>
    </message>
    <message>
        <source>The backup could not be saved in {folder}: {reason}. Choose another folder. Nothing was lost: the event itself is saved as before.</source>
        <translation>Die Sicherungskopie konnte nicht in {folder} gespeichert werden: {reason}. Wählen Sie einen anderen Ordner. Nichts ist verloren: Die Veranstaltung selbst ist weiterhin gespeichert.</translation>
    </message>
    <message>
        <source>{path} is a folder, not an event file.</source>
        <translation>{path} ist ein Ordner, keine Veranstaltungsdatei.</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {reason}</source>
        <translation>Die Datei {path} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a smartdialog event file. Choose a file that smartdialog created.</source>
        <translation>{path} ist keine smartdialog-Veranstaltungsdatei. Wählen Sie eine Datei, die smartdialog angelegt hat.</translation>
    </message>
    <message>
        <source>The event file {path} is read-only or lies in a folder you cannot write to. Copy it into a folder of your own (for example Documents) and open the copy.</source>
        <translation>Die Veranstaltungsdatei {path} ist schreibgeschützt oder liegt in einem Ordner, in den Sie nicht schreiben dürfen. Kopieren Sie sie in einen eigenen Ordner (zum Beispiel Dokumente) und öffnen Sie die Kopie.</translation>
    </message>
    <message>
        <source>The event file {path} is damaged and cannot be opened. Open your most recent backup copy instead; the damaged file has not been changed.</source>
        <translation>Die Veranstaltungsdatei {path} ist beschädigt und kann nicht geöffnet werden. Öffnen Sie stattdessen Ihre letzte Sicherungskopie; die beschädigte Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The event file {path} is in use by another program or on another laptop, which holds it locked. Close it there or wait until that program has finished, then open it again. The file has not been changed.</source>
        <translation>Die Veranstaltungsdatei {path} wird gerade von einem anderen Programm oder auf einem anderen Laptop benutzt und ist dort gesperrt. Schließen Sie sie dort oder warten Sie, bis das Programm fertig ist, und öffnen Sie sie dann noch einmal. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>This change clashes with one saved a moment ago (perhaps on another laptop). Nothing was saved; look again and repeat it if it is still needed.</source>
        <translation>Diese Änderung widerspricht einer, die gerade gespeichert wurde (vielleicht an einem anderen Laptop). Es wurde nichts gespeichert; sehen Sie noch einmal nach und wiederholen Sie die Änderung, wenn sie noch nötig ist.</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of smartdialog. Install the newest version to open it.</source>
        <translation>{path} wurde mit einer neueren Version von smartdialog erstellt. Installieren Sie die neueste Version, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>{path} has a database version ({revision}) that no version of smartdialog made: it was changed by another program or is damaged. Open your most recent backup copy instead; this file has not been changed.</source>
        <translation>{path} hat einen Datenbankstand ({revision}), den keine Version von smartdialog erzeugt hat: Die Datei wurde von einem anderen Programm verändert oder ist beschädigt. Öffnen Sie stattdessen Ihre neueste Sicherungskopie; diese Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Beside {path} lies a file {wal} with changes that were not yet written into the event file: the event is open in another program or on another laptop, or it was not closed properly there, or it was copied together with that file. smartdialog has taken the changes over. Work on the event on one laptop only; to pass it on, use File › Save a backup copy… instead of copying the file.</source>
        <translation>Neben {path} liegt eine Datei {wal} mit Änderungen, die noch nicht in die Veranstaltungsdatei geschrieben waren: Die Veranstaltung ist in einem anderen Programm oder auf einem anderen Laptop geöffnet, wurde dort nicht ordentlich geschlossen oder wurde zusammen mit dieser Datei kopiert. smartdialog hat die Änderungen übernommen. Arbeiten Sie nur an einem Laptop an der Veranstaltung; zum Weitergeben nehmen Sie Datei › Sicherungskopie speichern…, statt die Datei zu kopieren.</translation>
    </message>
    <message>
        <source>{path} must be upgraded before it can be used.</source>
        <translation>{path} muss erst aktualisiert werden, bevor sie genutzt werden kann.</translation>
    </message>
    <message>
        <source>The database {path} cannot be reached: {reason}. Check the network cable and the address, or continue on this laptop&apos;s own copy of the event.</source>
        <translation>Die Datenbank {path} ist nicht erreichbar: {reason}. Prüfen Sie Netzwerkkabel und Adresse, oder arbeiten Sie mit der eigenen Kopie der Veranstaltung auf diesem Laptop weiter.</translation>
    </message>
    <message>
        <source>The database {path} already holds an event.</source>
        <translation>Die Datenbank {path} enthält bereits eine Veranstaltung.</translation>
    </message>
    <message>
        <source>{path} exists already. Choose another name.</source>
        <translation>{path} gibt es schon. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written to. Choose a folder of your own, for example Documents.</source>
        <translation>In den Ordner {folder} kann nicht geschrieben werden. Wählen Sie einen eigenen Ordner, zum Beispiel Dokumente.</translation>
    </message>
    <message>
        <source>The event file {path} could not be written: {reason}</source>
        <translation>Die Veranstaltungsdatei {path} konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>This event file already holds an event.</source>
        <translation>Diese Veranstaltungsdatei enthält bereits eine Veranstaltung.</translation>
    </message>
    <message>
        <source>This file holds no event yet.</source>
        <translation>Diese Datei enthält noch keine Veranstaltung.</translation>
    </message>
    <message>
        <source>Enter a title for the event.</source>
        <translation>Geben Sie einen Titel für die Veranstaltung ein.</translation>
    </message>
    <message>
        <source>Enter a whole number from 1 to 100.</source>
        <translation>Geben Sie eine ganze Zahl von 1 bis 100 ein.</translation>
    </message>
    <message>
        <source>Choose a time zone from the list, for example Europe/Berlin.</source>
        <translation>Wählen Sie eine Zeitzone aus der Liste, zum Beispiel Europe/Berlin.</translation>
    </message>
    <message>
        <source>The event cannot end before it begins. Check the times.</source>
        <translation>Die Veranstaltung kann nicht enden, bevor sie beginnt. Prüfen Sie die Uhrzeiten.</translation>
    </message>
    <message>
        <source>This field of action no longer exists. It may have been removed on another laptop.</source>
        <translation>Dieses Handlungsfeld gibt es nicht mehr. Vielleicht wurde es auf einem anderen Laptop entfernt.</translation>
    </message>
    <message>
        <source>Enter a name for the field of action.</source>
        <translation>Geben Sie einen Namen für das Handlungsfeld ein.</translation>
    </message>
    <message>
        <source>A field of action named “{name}” exists already.</source>
        <translation>Ein Handlungsfeld „{name}“ gibt es schon.</translation>
    </message>
    <message>
        <source>“{colour}” is not a colour. Pick one from the colour dialog.</source>
        <translation>„{colour}“ ist keine Farbe. Wählen Sie eine im Farbdialog.</translation>
    </message>
    <message>
        <source>The fields of action were changed on another laptop. Try again.</source>
        <translation>Die Handlungsfelder wurden auf einem anderen Laptop geändert. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>“{name}” already holds {count} ideas and cannot be removed. Rename it instead.</source>
        <translation>„{name}“ enthält schon {count} Ideen und kann nicht entfernt werden. Benennen Sie es stattdessen um.</translation>
    </message>
    <message>
        <source>Enter the guiding question.</source>
        <translation>Geben Sie die Leitfrage ein.</translation>
    </message>
    <message>
        <source>This guiding question no longer exists.</source>
        <translation>Diese Leitfrage gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Enter a name for the table.</source>
        <translation>Geben Sie einen Namen für den Tisch ein.</translation>
    </message>
    <message>
        <source>A table named “{name}” exists already.</source>
        <translation>Einen Tisch „{name}“ gibt es schon.</translation>
    </message>
    <message>
        <source>This table no longer exists.</source>
        <translation>Diesen Tisch gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The PIN must be 4 to 12 digits.</source>
        <translation>Die PIN muss aus 4 bis 12 Ziffern bestehen.</translation>
    </message>
    <message>
        <source>Changing a PIN needs the PIN of Verwaltung (administration).</source>
        <translation>Eine PIN zu ändern braucht die PIN der Verwaltung.</translation>
    </message>
    <message>
        <source>Enter the current PIN to replace it (or the PIN of Verwaltung, once it is set).</source>
        <translation>Geben Sie die bisherige PIN ein, um sie zu ersetzen (oder die PIN der Verwaltung, sobald sie gesetzt ist).</translation>
    </message>
    <message>
        <source>The disk is full; the last change was not saved. Free some space (or plug in a USB stick and save a copy there), then try again.</source>
        <translation>Der Datenträger ist voll; die letzte Änderung wurde nicht gespeichert. Schaffen Sie Platz (oder stecken Sie einen USB-Stick ein und sichern Sie dort eine Kopie) und versuchen Sie es dann noch einmal.</translation>
    </message>
    <message>
        <source>The event file cannot be written to any more. Check that the drive is still connected.</source>
        <translation>In die Veranstaltungsdatei kann nicht mehr geschrieben werden. Prüfen Sie, ob das Laufwerk noch angeschlossen ist.</translation>
    </message>
    <message>
        <source>Another laptop is writing right now. Try again in a moment.</source>
        <translation>Ein anderer Laptop schreibt gerade. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The database does not answer. Check the network cable or the drive, then try again.</source>
        <translation>Die Datenbank antwortet nicht. Prüfen Sie Netzwerkkabel oder Laufwerk und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The change could not be saved. Check the drive or the network, then try again.</source>
        <translation>Die Änderung konnte nicht gespeichert werden. Prüfen Sie Laufwerk oder Netzwerk und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Something went wrong that should not. It has been written to the log file.</source>
        <translation>Hier ist etwas schiefgegangen, das nicht passieren sollte. Es wurde in die Protokolldatei geschrieben.</translation>
    </message>
    <message>
        <source>smartdialog</source>
        <translation>smartdialog</translation>
    </message>
    <message>
        <source>A shared event on a database server is backed up on the server (for example with pg_dump), not by smartdialog.</source>
        <translation>Eine gemeinsame Veranstaltung auf einem Datenbankserver wird auf dem Server gesichert (zum Beispiel mit pg_dump), nicht von smartdialog.</translation>
    </message>
    <message>
        <source>This laptop is set to the role “{role}”, which may not do this. Switch the role with the PIN of a role that may.</source>
        <translation>Dieser Laptop ist auf die Rolle „{role}“ eingestellt, die das nicht darf. Wechseln Sie die Rolle mit der PIN einer Rolle, die es darf.</translation>
    </message>
    <message>
        <source>Set the PIN of Verwaltung (administration) first: it guards the others.</source>
        <translation>Setzen Sie zuerst die PIN der Verwaltung: Sie schützt die anderen.</translation>
    </message>
    <message>
        <source>A tally hash has 64 characters, the digits 0–9 and the letters a–f (spaces do not matter). Check what was written down.</source>
        <translation>Ein Prüfwert hat 64 Zeichen, die Ziffern 0–9 und die Buchstaben a–f (Leerzeichen sind egal). Prüfen Sie, was notiert wurde.</translation>
    </message>
    <message>
        <source>Round {number} is not closed yet; it has no tally hash to check.</source>
        <translation>Runde {number} ist noch nicht abgeschlossen; sie hat noch keinen Prüfwert.</translation>
    </message>
    <message>
        <source>The event {name} is already open in smartdialog on this laptop. Switch to that window (taskbar) and work there; a second window on the same event would show outdated data.</source>
        <translation>Die Veranstaltung {name} ist auf diesem Laptop bereits in smartdialog geöffnet. Wechseln Sie zu diesem Fenster (Taskleiste) und arbeiten Sie dort weiter; ein zweites Fenster auf derselben Veranstaltung würde veraltete Daten zeigen.</translation>
    </message>
    <message>
        <source>Another event is being opened. Try again in a moment.</source>
        <translation>Gerade wird schon eine Veranstaltung geöffnet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Reception</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation>Moderation</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Verwaltung</translation>
    </message>
</context>
</TS>
