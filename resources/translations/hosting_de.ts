<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>HostingController</name>
    <message>
        <source>Share with other &amp;laptops…</source>
        <translation>Für andere &amp;Laptops freigeben…</translation>
    </message>
    <message>
        <source>&amp;End sharing</source>
        <translation>Freigabe b&amp;eenden</translation>
    </message>
    <message>
        <source>&amp;Join an event…</source>
        <translation>Einer Veranstaltung &amp;beitreten…</translation>
    </message>
    <message>
        <source>Starting the shared event…</source>
        <translation>Die Freigabe wird gestartet…</translation>
    </message>
    <message>
        <source>Share with other laptops</source>
        <translation>Für andere Laptops freigeben</translation>
    </message>
    <message>
        <source>End sharing</source>
        <translation>Freigabe beenden</translation>
    </message>
    <message>
        <source>The other laptops lose the connection, and the event goes back into the file {path} (the file from before the sharing is kept beside it). End the sharing?</source>
        <translation>Die anderen Laptops verlieren die Verbindung, und die Veranstaltung kommt zurück in die Datei {path} (die Datei von vor der Freigabe bleibt daneben erhalten). Freigabe beenden?</translation>
    </message>
    <message>
        <source>Bringing the event back into its file…</source>
        <translation>Die Veranstaltung wird in ihre Datei zurückgeholt…</translation>
    </message>
    <message>
        <source>This laptop shared the event “{title}” when smartdialog was last closed. Share it again now? (Otherwise the other laptops cannot reach it.)</source>
        <translation>Dieser Laptop hat die Veranstaltung „{title}“ freigegeben, als smartdialog zuletzt geschlossen wurde. Jetzt wieder freigeben? (Sonst erreichen die anderen Laptops sie nicht.)</translation>
    </message>
</context>
<context>
    <name>JoinCardDialog</name>
    <message>
        <source>Join card</source>
        <translation>Beitrittskarte</translation>
    </message>
    <message>
        <source>Shared by this laptop: {name}, address {address}, port {port}</source>
        <translation>Freigegeben von diesem Laptop: {name}, Adresse {address}, Port {port}</translation>
    </message>
    <message>
        <source>Scan with the desk scanner on the other laptop</source>
        <translation>Mit dem Scanner am anderen Laptop einlesen</translation>
    </message>
    <message>
        <source>Join code:</source>
        <translation>Beitrittscode:</translation>
    </message>
    <message>
        <source>On each other laptop: File › Join an event…, then type this code or scan the QR code. Keep this laptop switched on and connected until the event ends.</source>
        <translation>Auf jedem anderen Laptop: Datei › Einer Veranstaltung beitreten…, dann diesen Code eintippen oder den QR-Code scannen. Lassen Sie diesen Laptop bis zum Ende der Veranstaltung eingeschaltet und im Netz.</translation>
    </message>
    <message>
        <source>This laptop is not connected to a local network, so no other laptop can reach it. Connect it to the venue&apos;s network (cable or Wi-Fi), then close smartdialog and open it again: the sharing starts again on the network.</source>
        <translation>Dieser Laptop ist mit keinem lokalen Netz verbunden, darum erreicht ihn kein anderer Laptop. Verbinden Sie ihn mit dem Netz am Veranstaltungsort (Kabel oder WLAN), schließen Sie dann smartdialog und öffnen Sie es wieder: Die Freigabe startet dann im Netz.</translation>
    </message>
    <message>
        <source>The network does not let this laptop announce the event: the other laptops need the code.</source>
        <translation>Das Netz lässt diesen Laptop die Veranstaltung nicht ankündigen: Die anderen Laptops brauchen den Code.</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join an event</source>
        <translation>Einer Veranstaltung beitreten</translation>
    </message>
    <message>
        <source>Events shared in this network:</source>
        <translation>In diesem Netz freigegebene Veranstaltungen:</translation>
    </message>
    <message>
        <source>Searching the network…</source>
        <translation>Das Netz wird durchsucht…</translation>
    </message>
    <message>
        <source>Type the code from the join card or scan its QR code</source>
        <translation>Den Code von der Beitrittskarte eintippen oder ihren QR-Code scannen</translation>
    </message>
    <message>
        <source>Join code:</source>
        <translation>Beitrittscode:</translation>
    </message>
    <message>
        <source>e.g. Registration 2, Table Mobility, Projector</source>
        <translation>z. B. Empfang 2, Tisch Mobilität, Beamer</translation>
    </message>
    <message>
        <source>Name of this laptop:</source>
        <translation>Name dieses Laptops:</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>This network cannot be searched; type the join code instead.</source>
        <translation>Dieses Netz lässt sich nicht durchsuchen; tippen Sie stattdessen den Beitrittscode ein.</translation>
    </message>
    <message>
        <source>{title} — on {host} ({address})</source>
        <translation>{title} — auf {host} ({address})</translation>
    </message>
    <message>
        <source>Pick the event, then type the rest of its code.</source>
        <translation>Wählen Sie die Veranstaltung und tippen Sie dann den Rest ihres Codes ein.</translation>
    </message>
    <message>
        <source>Searching the network… (none found yet)</source>
        <translation>Das Netz wird durchsucht… (noch keine gefunden)</translation>
    </message>
    <message>
        <source>Connecting to {address}…</source>
        <translation>Verbindung zu {address} wird aufgebaut…</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>share an event file with other laptops (runs until Ctrl+C or SIGTERM)</source>
        <translation>eine Veranstaltungsdatei für andere Laptops freigeben (läuft bis Strg+C oder SIGTERM)</translation>
    </message>
    <message>
        <source>event file</source>
        <translation>Veranstaltungsdatei</translation>
    </message>
    <message>
        <source>the address the other laptops reach this one at (default: found)</source>
        <translation>die Adresse, unter der die anderen Laptops diesen erreichen (Vorgabe: ermittelt)</translation>
    </message>
    <message>
        <source>this laptop&apos;s name on the join card</source>
        <translation>der Name dieses Laptops auf der Beitrittskarte</translation>
    </message>
    <message>
        <source>end the sharing: bring the event back into its file</source>
        <translation>die Freigabe beenden: die Veranstaltung in ihre Datei zurückholen</translation>
    </message>
    <message>
        <source>do not announce the event on the local network</source>
        <translation>die Veranstaltung nicht im lokalen Netz ankündigen</translation>
    </message>
    <message>
        <source>check a join code and print the event&apos;s URL for the other jobs</source>
        <translation>einen Beitrittscode prüfen und die Adresse (URL) der Veranstaltung für die anderen Befehle ausgeben</translation>
    </message>
    <message>
        <source>the join code from the join card</source>
        <translation>der Beitrittscode von der Beitrittskarte</translation>
    </message>
    <message>
        <source>this laptop&apos;s name, e.g. &apos;Empfang 2&apos; or &apos;Beamer&apos;</source>
        <translation>der Name dieses Laptops, z. B. &apos;Empfang 2&apos; oder &apos;Beamer&apos;</translation>
    </message>
    <message>
        <source>Shared: {title}</source>
        <translation>Freigegeben: {title}</translation>
    </message>
    <message>
        <source>Laptop: {name} ({address}, port {port})</source>
        <translation>Laptop: {name} ({address}, Port {port})</translation>
    </message>
    <message>
        <source>Join code: {code}</source>
        <translation>Beitrittscode: {code}</translation>
    </message>
    <message>
        <source>The event is not announced on the network; the other laptops need the join code.</source>
        <translation>Die Veranstaltung wird nicht im Netz angekündigt; die anderen Laptops brauchen den Beitrittscode.</translation>
    </message>
    <message>
        <source>On another laptop: smartdialog join {code}</source>
        <translation>Auf einem anderen Laptop: smartdialog join {code}</translation>
    </message>
    <message>
        <source>{path} is not shared from this laptop.</source>
        <translation>{path} ist von diesem Laptop aus nicht freigegeben.</translation>
    </message>
    <message>
        <source>The event is back in {path}.</source>
        <translation>Die Veranstaltung ist zurück in {path}.</translation>
    </message>
    <message>
        <source>Ready after {seconds:.1f} s.</source>
        <translation>Bereit nach {seconds:.1f} s.</translation>
    </message>
    <message>
        <source>The server is stopped; the event stays shared. Run the same command to start it again, or add --end to bring it back into its file.</source>
        <translation>Der Server ist beendet; die Veranstaltung bleibt freigegeben. Derselbe Befehl startet sie wieder; mit --end kommt sie zurück in ihre Datei.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>This is not a valid join code. Check it against the join card on the hosting laptop (16 characters, e.g. K7Q2-M9XA-4F8T-B3WC) and type it again.</source>
        <translation>Das ist kein gültiger Beitrittscode. Vergleichen Sie ihn mit der Beitrittskarte am freigebenden Laptop (16 Zeichen, z. B. K7Q2-M9XA-4F8T-B3WC) und tippen Sie ihn noch einmal ein.</translation>
    </message>
    <message>
        <source>This join code comes from a newer version of smartdialog. Install the same version on this laptop as on the hosting laptop.</source>
        <translation>Dieser Beitrittscode stammt von einer neueren Version von smartdialog. Installieren Sie auf diesem Laptop dieselbe Version wie auf dem freigebenden Laptop.</translation>
    </message>
    <message>
        <source>The shared event on this laptop was made with PostgreSQL {major}, which is not installed any more. Install smartdialog&apos;s version of that time, end the sharing, then update.</source>
        <translation>Die Freigabe auf diesem Laptop wurde mit PostgreSQL {major} angelegt, das nicht mehr installiert ist. Installieren Sie die damalige Version von smartdialog, beenden Sie die Freigabe und aktualisieren Sie danach.</translation>
    </message>
    <message>
        <source>No PostgreSQL server programs were found on this laptop, so it cannot share the event. Reinstall smartdialog (it brings them along).</source>
        <translation>Auf diesem Laptop wurden keine PostgreSQL-Serverprogramme gefunden, darum kann er die Veranstaltung nicht freigeben. Installieren Sie smartdialog neu (es bringt sie mit).</translation>
    </message>
    <message>
        <source>smartdialog is running as administrator (root). PostgreSQL refuses to run that way, so this laptop cannot share the event. Start smartdialog as your ordinary user and try again.</source>
        <translation>smartdialog läuft als Administrator (root). PostgreSQL verweigert das, darum kann dieser Laptop die Veranstaltung nicht freigeben. Starten Sie smartdialog als Ihr gewöhnliches Benutzerkonto und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>All ports from {first} to {last} are taken on this laptop, so the event cannot be shared. Close other programs that share data, or restart the laptop.</source>
        <translation>Alle Ports von {first} bis {last} sind auf diesem Laptop belegt, darum kann die Veranstaltung nicht freigegeben werden. Schließen Sie andere Programme, die Daten freigeben, oder starten Sie den Laptop neu.</translation>
    </message>
    <message>
        <source>The disk of this laptop is full, so the shared event cannot start. Free some space, then try again.</source>
        <translation>Die Festplatte dieses Laptops ist voll, darum kann die Freigabe nicht starten. Schaffen Sie Platz und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The database server on this laptop did not start. Restart the laptop and try again; the log file says more.</source>
        <translation>Der Datenbankserver auf diesem Laptop ist nicht gestartet. Starten Sie den Laptop neu und versuchen Sie es noch einmal; die Protokolldatei sagt mehr.</translation>
    </message>
    <message>
        <source>The database server on this laptop did not stop. Restart the laptop before sharing the event again.</source>
        <translation>Der Datenbankserver auf diesem Laptop hat sich nicht beendet. Starten Sie den Laptop neu, bevor Sie die Veranstaltung wieder freigeben.</translation>
    </message>
    <message>
        <source>The disk of this laptop is full, so the event cannot be shared. Free some space (at least 100 MB) in {folder}, then try again. Nothing has been changed.</source>
        <translation>Die Festplatte dieses Laptops ist voll, darum kann die Veranstaltung nicht freigegeben werden. Schaffen Sie Platz (mindestens 100 MB) in {folder} und versuchen Sie es noch einmal. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>The database server&apos;s folder could not be set up in {folder}. Check that the folder can be written to, then try again. Nothing has been changed.</source>
        <translation>Der Ordner des Datenbankservers konnte in {folder} nicht angelegt werden. Prüfen Sie, ob der Ordner beschreibbar ist, und versuchen Sie es noch einmal. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>The event could not be written back into {path}: {reason}. It is still shared; free some space or choose another folder and try again.</source>
        <translation>Die Veranstaltung konnte nicht nach {path} zurückgeschrieben werden: {reason}. Sie bleibt freigegeben; schaffen Sie Platz oder wählen Sie einen anderen Ordner und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The event “{title}” is shared already by {host} ({address}). Join it there (File › Join an event…) instead of sharing it a second time.</source>
        <translation>Die Veranstaltung „{title}“ wird schon von {host} ({address}) freigegeben. Treten Sie ihr dort bei (Datei › Einer Veranstaltung beitreten…), statt sie ein zweites Mal freizugeben.</translation>
    </message>
    <message>
        <source>This laptop shares the event “{title}” already. Start that sharing again instead (File › Share with other laptops…).</source>
        <translation>Dieser Laptop gibt die Veranstaltung „{title}“ bereits frei. Starten Sie stattdessen diese Freigabe wieder (Datei › Für andere Laptops freigeben…).</translation>
    </message>
    <message>
        <source>The hosting laptop runs a newer version of smartdialog than this one. Install the same version here, then join again.</source>
        <translation>Auf dem freigebenden Laptop läuft eine neuere Version von smartdialog als auf diesem. Installieren Sie hier dieselbe Version und treten Sie dann erneut bei.</translation>
    </message>
    <message>
        <source>The hosting laptop runs an older version of smartdialog than this one. Install the same version on both laptops, then join again.</source>
        <translation>Auf dem freigebenden Laptop läuft eine ältere Version von smartdialog als auf diesem. Installieren Sie auf beiden Laptops dieselbe Version und treten Sie dann erneut bei.</translation>
    </message>
    <message>
        <source>This join code is not valid (any more): the event is shared with a new code now. Ask at the hosting laptop for the code on its join card.</source>
        <translation>Dieser Beitrittscode ist nicht (mehr) gültig: Die Veranstaltung ist inzwischen mit einem neuen Code freigegeben. Fragen Sie am freigebenden Laptop nach dem Code auf seiner Beitrittskarte.</translation>
    </message>
    <message>
        <source>The hosting laptop at {address} does not answer within {seconds} seconds. Check that both laptops are in the same network; a firewall may block port {port}.</source>
        <translation>Der freigebende Laptop unter {address} antwortet nicht innerhalb von {seconds} Sekunden. Prüfen Sie, ob beide Laptops im selben Netz sind; eine Firewall sperrt vielleicht Port {port}.</translation>
    </message>
    <message>
        <source>The hosting laptop at {address} does not answer. Check that it is switched on and still sharing the event, and that both laptops are in the same network.</source>
        <translation>Der freigebende Laptop unter {address} antwortet nicht. Prüfen Sie, ob er eingeschaltet ist und die Veranstaltung noch freigibt und ob beide Laptops im selben Netz sind.</translation>
    </message>
    <message>
        <source>The event cannot be copied: one side has schema {revision} where this version of smartdialog needs {head}. Nothing was changed.</source>
        <translation>Die Veranstaltung kann nicht kopiert werden: Eine Seite hat den Datenbankstand {revision}, diese Version von smartdialog braucht {head}. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>The database to copy the event into is not empty. Nothing was changed.</source>
        <translation>Die Datenbank, in die die Veranstaltung kopiert werden soll, ist nicht leer. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>The event was not copied completely (table {table}). Nothing was changed; try again.</source>
        <translation>Die Veranstaltung wurde nicht vollständig kopiert (Tabelle {table}). Es wurde nichts verändert; versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The shared event holds no event any more.</source>
        <translation>Die gemeinsame Veranstaltung enthält keine Veranstaltung mehr.</translation>
    </message>
    <message>
        <source>The hosting laptop answers again, but with another version of smartdialog. Install the same version on both laptops; until then this laptop works on its own copy.</source>
        <translation>Der Gastgeber-Laptop antwortet wieder, aber mit einer anderen Version von smartdialog. Installieren Sie auf beiden Laptops dieselbe Version; bis dahin arbeitet dieser Laptop mit seiner eigenen Kopie.</translation>
    </message>
    <message>
        <source>The disk of this laptop is full: it has no local copy of the shared event and cannot go on working if the network fails. Free some space on it.</source>
        <translation>Die Festplatte dieses Laptops ist voll: Er hat keine lokale Kopie der gemeinsamen Veranstaltung und kann bei einem Netzausfall nicht weiterarbeiten. Schaffen Sie Platz auf der Festplatte.</translation>
    </message>
    <message>
        <source>The disk of this laptop is full: its local copy of the shared event could not be brought up to date (the copy from {time} is kept). Free some space on it.</source>
        <translation>Die Festplatte dieses Laptops ist voll: Seine lokale Kopie der gemeinsamen Veranstaltung konnte nicht aktualisiert werden (die Kopie von {time} Uhr bleibt erhalten). Schaffen Sie Platz auf der Festplatte.</translation>
    </message>
    <message>
        <source>There is no local copy of the shared event on this laptop, so it cannot work on without the network. smartdialog keeps trying to reach the hosting laptop.</source>
        <translation>Auf diesem Laptop gibt es keine lokale Kopie der gemeinsamen Veranstaltung, daher kann er ohne Netz nicht weiterarbeiten. smartdialog versucht weiter, den Gastgeber-Laptop zu erreichen.</translation>
    </message>
    <message>
        <source>The local copy of the shared event is damaged, so this laptop cannot work on without the network. smartdialog keeps trying to reach the hosting laptop.</source>
        <translation>Die lokale Kopie der gemeinsamen Veranstaltung ist beschädigt, daher kann dieser Laptop ohne Netz nicht weiterarbeiten. smartdialog versucht weiter, den Gastgeber-Laptop zu erreichen.</translation>
    </message>
    <message>
        <source>The hosting laptop answers again, but now with another event (“{title}”). What was entered here stays in this laptop&apos;s copy and was not merged; ask the moderator which event is the right one.</source>
        <translation>Der Gastgeber-Laptop antwortet wieder, aber jetzt mit einer anderen Veranstaltung („{title}“). Was hier eingegeben wurde, bleibt in der Kopie dieses Laptops und wurde nicht zusammengeführt; fragen Sie die Moderation, welche Veranstaltung die richtige ist.</translation>
    </message>
</context>
</TS>
