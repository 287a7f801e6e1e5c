<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>FieldSection</name>
    <message numerus="yes">
        <source>%n dot(s) left for this field</source>
        <translation>
            <numerusform>noch %n Punkt für dieses Feld</numerusform>
            <numerusform>noch %n Punkte für dieses Feld</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldTab</name>
    <message>
        <source>no dots</source>
        <translation>keine Punkte</translation>
    </message>
    <message numerus="yes">
        <source>%n dot(s) in this field</source>
        <translation>
            <numerusform>%n Punkt in diesem Feld</numerusform>
            <numerusform>%n Punkte in diesem Feld</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdeaCard</name>
    <message>
        <source>One dot less for: {text}</source>
        <translation>Einen Punkt weniger für: {text}</translation>
    </message>
    <message>
        <source>One dot more for: {text}</source>
        <translation>Einen Punkt mehr für: {text}</translation>
    </message>
    <message numerus="yes">
        <source>%n dot(s) on this idea</source>
        <translation>
            <numerusform>%n Punkt auf dieser Idee</numerusform>
            <numerusform>%n Punkte auf dieser Idee</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaperModel</name>
    <message>
        <source>Field of action</source>
        <translation>Handlungsfeld</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>Dots on paper</source>
        <translation>Punkte auf Papier</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter the new PIN twice (4 to 12 digits).</source>
        <translation>Geben Sie die neue PIN zweimal ein (4 bis 12 Ziffern).</translation>
    </message>
    <message>
        <source>PIN of the team:</source>
        <translation>PIN des Teams:</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Die beiden PINs stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>Field of action</source>
        <translation>Handlungsfeld</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Voters</source>
        <translation>Personen</translation>
    </message>
    <message numerus="yes">
        <source>(+ %n merged)</source>
        <translation>
            <numerusform>(+ %n zusammengeführt)</numerusform>
            <numerusform>(+ %n zusammengeführt)</numerusform>
        </translation>
    </message>
    <message>
        <source>[hidden]</source>
        <translation>[ausgeblendet]</translation>
    </message>
    <message>
        <source>Shares rank {rank} with another idea.</source>
        <translation>Teilt sich Rang {rank} mit einer anderen Idee.</translation>
    </message>
    <message>
        <source>Merged: “{text}” ({device} device, {paper} paper)</source>
        <translation>Zusammengeführt: „{text}“ ({device} Gerät, {paper} Papier)</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Ranking</source>
        <translation>Rangfolge</translation>
    </message>
    <message>
        <source>Results of the round</source>
        <translation>Ergebnisse der Runde</translation>
    </message>
    <message>
        <source>Show the interim count here (not on the projector)</source>
        <translation>Zwischenstand hier anzeigen (nicht auf dem Beamer)</translation>
    </message>
    <message>
        <source>Ranking:</source>
        <translation>Rangfolge:</translation>
    </message>
    <message>
        <source>The tally of this round is hidden until the round is closed.</source>
        <translation>Der Zwischenstand dieser Runde bleibt bis zum Abschluss verborgen.</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Closed {when}. SHA-256 of the tally: {sha}</source>
        <translation>Geschlossen {when}. SHA-256 der Auszählung: {sha}</translation>
    </message>
    <message>
        <source>Warning: the dots in the file no longer match this hash; they were changed after closing.</source>
        <translation>Achtung: Die Punkte in der Datei passen nicht mehr zu dieser Prüfsumme; sie wurden nach dem Abschluss verändert.</translation>
    </message>
    <message>
        <source>Interim count: the round is still open.</source>
        <translation>Zwischenstand: Die Runde ist noch geöffnet.</translation>
    </message>
    <message>
        <source>Tie at rank {rank}: {ideas}.</source>
        <translation>Gleichstand auf Rang {rank}: {ideas}.</translation>
    </message>
    <message numerus="yes">
        <source>%n more tie(s), marked in the table.</source>
        <translation>
            <numerusform>%n weiterer Gleichstand, in der Tabelle markiert.</numerusform>
            <numerusform>%n weitere Gleichstände, in der Tabelle markiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>Edit voting round</source>
        <translation>Abstimmungsrunde bearbeiten</translation>
    </message>
    <message>
        <source>New voting round</source>
        <translation>Neue Abstimmungsrunde</translation>
    </message>
    <message>
        <source>e.g. Prioritising the ideas</source>
        <translation>z. B. Priorisierung der Ideen</translation>
    </message>
    <message>
        <source>Hide the tally until the round is closed</source>
        <translation>Zwischenstand bis zum Abschluss der Runde verbergen</translation>
    </message>
    <message>
        <source>Voters may change their ballot until the round closes</source>
        <translation>Abstimmende dürfen ihre Auswahl bis zum Abschluss ändern</translation>
    </message>
    <message>
        <source>Only participants checked in at the desk may vote</source>
        <translation>Nur am Empfang eingecheckte Teilnehmende dürfen abstimmen</translation>
    </message>
    <message>
        <source>Tied ideas share a rank</source>
        <translation>Ideen mit gleich vielen Punkten teilen sich einen Rang</translation>
    </message>
    <message>
        <source>Tied ideas go to a runoff</source>
        <translation>Bei Gleichstand entscheidet eine Stichwahl</translation>
    </message>
    <message>
        <source>Fields of action in this round</source>
        <translation>Handlungsfelder in dieser Runde</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Handlungsfeld</translation>
    </message>
    <message>
        <source>Budget per person</source>
        <translation>Höchstens je Person</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>At most this many of a person&apos;s dots may go to this field.</source>
        <translation>So viele Punkte einer Person dürfen höchstens in dieses Handlungsfeld gehen.</translation>
    </message>
    <message>
        <source>On the ballot</source>
        <translation>Auf dem Stimmzettel</translation>
    </message>
    <message>
        <source>The shortlist as it is</source>
        <translation>Die Auswahlliste, wie sie ist</translation>
    </message>
    <message>
        <source>The N best supported ideas of each field</source>
        <translation>Die N meistunterstützten Ideen je Handlungsfeld</translation>
    </message>
    <message>
        <source>The clusters of each field</source>
        <translation>Die Cluster jedes Handlungsfelds</translation>
    </message>
    <message numerus="yes">
        <source>The %n idea(s) selected in the Ideas list</source>
        <translation>
            <numerusform>Die %n in der Ideenliste markierte Idee</numerusform>
            <numerusform>Die %n in der Ideenliste markierten Ideen</numerusform>
        </translation>
    </message>
    <message>
        <source>Every active idea (no shortlist)</source>
        <translation>Alle aktiven Ideen (keine Auswahlliste)</translation>
    </message>
    <message>
        <source>Supported: each duplicate merged into an idea counts 2, each of its dots in the last closed round 1.</source>
        <translation>Unterstützung: jedes in eine Idee zusammengeführte Duplikat zählt 2, jeder ihrer Punkte in der letzten abgeschlossenen Runde 1.</translation>
    </message>
    <message>
        <source>Shortlist</source>
        <translation>Auswahlliste</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Dots per participant</source>
        <translation>Punkte je Person</translation>
    </message>
    <message>
        <source>At most per idea</source>
        <translation>Höchstens je Idee</translation>
    </message>
    <message>
        <source>Ties</source>
        <translation>Gleichstand</translation>
    </message>
    <message>
        <source>The shortlist stays as it is; the round&apos;s page shows it.</source>
        <translation>Die Auswahlliste bleibt, wie sie ist; die Seite der Runde zeigt sie.</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>Wird geladen …</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n Karte</numerusform>
            <numerusform>%n Karten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n screen(s)</source>
        <translation>
            <numerusform>etwa %n Bildschirm</numerusform>
            <numerusform>etwa %n Bildschirme</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Check the tally hash</source>
        <translation>Prüfwert prüfen</translation>
    </message>
    <message>
        <source>Enter the hash as it was written down when the round closed (on the signed voting protocol, from the wall or the minutes). Spaces and upper or lower case do not matter.</source>
        <translation>Geben Sie den Prüfwert so ein, wie er beim Abschluss der Runde notiert wurde (auf dem unterschriebenen Abstimmungsprotokoll, von der Live-Wand oder aus der Dokumentation). Leerzeichen sowie Groß- und Kleinschreibung sind egal.</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Runde</translation>
    </message>
    <message>
        <source>Written hash</source>
        <translation>Notierter Prüfwert</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Checking …</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>✔ Matches: round {number} of this file gives exactly the written hash, and the audit log is unbroken.</source>
        <translation>✔ Stimmt überein: Runde {number} dieser Datei ergibt genau den notierten Prüfwert, und das Protokoll der Änderungen ist lückenlos.</translation>
    </message>
    <message>
        <source>✘ Does not match: the votes of round {number} in this file do not give the written hash. The file was changed after the round closed, or the hash was copied wrongly — compare it character by character.</source>
        <translation>✘ Stimmt nicht überein: Die Stimmen von Runde {number} in dieser Datei ergeben nicht den notierten Prüfwert. Die Datei wurde nach dem Abschluss der Runde geändert, oder der Prüfwert wurde falsch abgeschrieben – vergleichen Sie Zeichen für Zeichen.</translation>
    </message>
    <message>
        <source>✘ The votes match the written hash, but the hash stored in the file was changed.</source>
        <translation>✘ Die Stimmen passen zum notierten Prüfwert, aber der in der Datei gespeicherte Prüfwert wurde geändert.</translation>
    </message>
    <message>
        <source>✘ The audit log was edited: entry {seq} ({action}) is the first that no longer fits its chain.</source>
        <translation>✘ Das Protokoll der Änderungen wurde bearbeitet: Eintrag {seq} ({action}) ist der erste, der nicht mehr in seine Kette passt.</translation>
    </message>
</context>
<context>
    <name>VotingStation</name>
    <message>
        <source>Voting station</source>
        <translation>Abstimmungsstation</translation>
    </message>
    <message>
        <source>The ballot was cancelled because nobody touched the screen. Nothing was saved.</source>
        <translation>Die Abstimmung wurde abgebrochen, weil niemand mehr den Bildschirm berührt hat. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Please hold the QR code on your name badge under the scanner.</source>
        <translation>Bitte halten Sie den QR-Code auf Ihrem Namensschild unter den Scanner.</translation>
    </message>
    <message>
        <source>Badge code</source>
        <translation>Code des Namensschilds</translation>
    </message>
    <message>
        <source>… or type the 16 digits under the QR code and press Enter.</source>
        <translation>… oder tippen Sie die 16 Ziffern unter dem QR-Code ein und drücken Sie Enter.</translation>
    </message>
    <message>
        <source>One moment, please …</source>
        <translation>Einen Moment bitte …</translation>
    </message>
    <message>
        <source>No badge? The registration desk will help you.</source>
        <translation>Kein Namensschild? Der Empfang hilft Ihnen gern.</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>For the team: unlock the station with the PIN</source>
        <translation>Für das Team: Station mit der PIN entsperren</translation>
    </message>
    <message>
        <source>For the team: unlock the station (Ctrl+Shift+T)</source>
        <translation>Für das Team: die Station entsperren (Strg+Umschalt+T)</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Große Schrift</translation>
    </message>
    <message>
        <source>Large text on or off</source>
        <translation>Große Schrift ein oder aus</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>Ich bin noch da</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was saved.</source>
        <translation>Abgebrochen. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Is this your choice?</source>
        <translation>Ist das Ihre Auswahl?</translation>
    </message>
    <message>
        <source>Back: change my choice</source>
        <translation>Zurück: Auswahl ändern</translation>
    </message>
    <message>
        <source>Yes, cast my dots</source>
        <translation>Ja, Punkte abgeben</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Voting: {title}</source>
        <translation>Abstimmung: {title}</translation>
    </message>
    <message>
        <source>No voting round is open at the moment.</source>
        <translation>Zurzeit ist keine Abstimmung geöffnet.</translation>
    </message>
    <message>
        <source>You have voted in this round already. Thank you!</source>
        <translation>Sie haben in dieser Runde bereits abgestimmt. Vielen Dank!</translation>
    </message>
    <message>
        <source>The code was not read properly. Please hold your badge still under the scanner once more.</source>
        <translation>Der Code wurde nicht richtig gelesen. Bitte halten Sie Ihr Namensschild noch einmal ruhig unter den Scanner.</translation>
    </message>
    <message>
        <source>This badge is not valid. Please ask at the registration desk.</source>
        <translation>Dieses Namensschild ist nicht gültig. Bitte wenden Sie sich an den Empfang.</translation>
    </message>
    <message>
        <source>Typing slip? Please check the code: the 16 digits under the QR code, in four groups of four.</source>
        <translation>Tippfehler? Bitte Code prüfen: die 16 Ziffern unter dem QR-Code, in vier Vierergruppen.</translation>
    </message>
    <message>
        <source>This badge belongs to another event. Please ask at the registration desk.</source>
        <translation>Dieses Namensschild gehört zu einer anderen Veranstaltung. Bitte wenden Sie sich an den Empfang.</translation>
    </message>
    <message>
        <source>Nobody is registered with this badge. Please ask at the registration desk.</source>
        <translation>Zu diesem Namensschild ist niemand angemeldet. Bitte wenden Sie sich an den Empfang.</translation>
    </message>
    <message>
        <source>Hello, {name}!</source>
        <translation>Hallo, {name}!</translation>
    </message>
    <message>
        <source>Hello!</source>
        <translation>Hallo!</translation>
    </message>
    <message numerus="yes">
        <source>You have %n dot(s) to give to the ideas you find most important.</source>
        <translation>
            <numerusform>Sie haben %n Punkt für die Idee, die Ihnen am wichtigsten ist.</numerusform>
            <numerusform>Sie haben %n Punkte für die Ideen, die Ihnen am wichtigsten sind.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n per idea.</source>
        <translation>
            <numerusform>Höchstens %n je Idee.</numerusform>
            <numerusform>Höchstens %n je Idee.</numerusform>
        </translation>
    </message>
    <message>
        <source>You voted already; these are your dots. You can change them.</source>
        <translation>Sie haben schon abgestimmt; das sind Ihre Punkte. Sie können sie ändern.</translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} dots left</source>
        <translation>
            <numerusform>Noch %n von {total} Punkten</numerusform>
            <numerusform>Noch %n von {total} Punkten</numerusform>
        </translation>
    </message>
    <message>
        <source>Next: check my choice</source>
        <translation>Weiter: Auswahl prüfen</translation>
    </message>
    <message numerus="yes">
        <source>You leave %n dot(s) unused. That is fine.</source>
        <translation>
            <numerusform>Sie lassen %n Punkt ungenutzt. Das ist in Ordnung.</numerusform>
            <numerusform>Sie lassen %n Punkte ungenutzt. Das ist in Ordnung.</numerusform>
        </translation>
    </message>
    <message>
        <source>Thank you, {name}!</source>
        <translation>Danke, {name}!</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Danke!</translation>
    </message>
    <message numerus="yes">
        <source>Your choice has been changed: %n dot(s) counted.</source>
        <translation>
            <numerusform>Ihre Auswahl wurde geändert: %n Punkt gezählt.</numerusform>
            <numerusform>Ihre Auswahl wurde geändert: %n Punkte gezählt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your %n dot(s) are counted.</source>
        <translation>
            <numerusform>Ihr %n Punkt ist gezählt.</numerusform>
            <numerusform>Ihre %n Punkte sind gezählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The station will be ready for the next person in a moment.</source>
        <translation>Gleich ist die Station für die nächste Person bereit.</translation>
    </message>
    <message>
        <source>Your dots could not be saved: {reason} Nothing was counted yet. Please try again, or ask the team.</source>
        <translation>Ihre Punkte konnten nicht gespeichert werden: {reason} Es wurde noch nichts gezählt. Bitte versuchen Sie es noch einmal oder fragen Sie das Team.</translation>
    </message>
    <message numerus="yes">
        <source>Are you still there? The ballot will be cancelled in %n second(s).</source>
        <translation>
            <numerusform>Sind Sie noch da? Die Abstimmung wird in %n Sekunde abgebrochen.</numerusform>
            <numerusform>Sind Sie noch da? Die Abstimmung wird in %n Sekunden abgebrochen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in a minute.</source>
        <translation>Zu oft eine falsche PIN. Versuchen Sie es in einer Minute wieder.</translation>
    </message>
    <message>
        <source>Unlock the voting station</source>
        <translation>Abstimmungsstation entsperren</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
</context>
<context>
    <name>VotingWall</name>
    <message>
        <source>Round {number} – {title}</source>
        <translation>Runde {number} – {title}</translation>
    </message>
</context>
<context>
    <name>VotingWorkspace</name>
    <message>
        <source>Voting rounds</source>
        <translation>Abstimmungsrunden</translation>
    </message>
    <message>
        <source>New round …</source>
        <translation>Neue Runde …</translation>
    </message>
    <message>
        <source>Rules …</source>
        <translation>Regeln …</translation>
    </message>
    <message>
        <source>Open for voting</source>
        <translation>Abstimmung öffnen</translation>
    </message>
    <message>
        <source>Close round …</source>
        <translation>Runde schließen …</translation>
    </message>
    <message>
        <source>Runoff …</source>
        <translation>Stichwahl …</translation>
    </message>
    <message>
        <source>Remove draft</source>
        <translation>Entwurf löschen</translation>
    </message>
    <message>
        <source>Voting protocol (PDF) …</source>
        <translation>Abstimmungsprotokoll (PDF) …</translation>
    </message>
    <message>
        <source>One page with the rules, the totals and the tally hash, to sign on the day</source>
        <translation>Eine Seite mit Regeln, Summen und Prüfwert, am Tag zu unterschreiben</translation>
    </message>
    <message>
        <source>Check tally hash …</source>
        <translation>Prüfwert prüfen …</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Runden</translation>
    </message>
    <message>
        <source>Start voting station on this laptop …</source>
        <translation>Abstimmungsstation auf diesem Laptop starten …</translation>
    </message>
    <message>
        <source>Set station PIN …</source>
        <translation>PIN der Stationen festlegen …</translation>
    </message>
    <message>
        <source>Voting station</source>
        <translation>Abstimmungsstation</translation>
    </message>
    <message>
        <source>Dots counted on paper</source>
        <translation>Auf Papier gezählte Punkte</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Paper tally</source>
        <translation>Papierzählung</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>A PIN is set; the station can be unlocked only with it.</source>
        <translation>Eine PIN ist festgelegt; nur mit ihr lässt sich eine Station entsperren.</translation>
    </message>
    <message>
        <source>No PIN yet: set one before starting a station.</source>
        <translation>Noch keine PIN: Legen Sie eine fest, bevor Sie eine Station starten.</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>open</source>
        <translation>geöffnet</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>{number}. {title} — {status}</source>
        <translation>{number}. {title} — {status}</translation>
    </message>
    <message>
        <source>No voting round yet. Create one with “New round …”.</source>
        <translation>Noch keine Abstimmungsrunde. Legen Sie eine mit „Neue Runde …“ an.</translation>
    </message>
    <message>
        <source>Round {number}: {title} ({status})</source>
        <translation>Runde {number}: {title} ({status})</translation>
    </message>
    <message numerus="yes">
        <source>%n dot(s) per participant</source>
        <translation>
            <numerusform>%n Punkt je Person</numerusform>
            <numerusform>%n Punkte je Person</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n per idea</source>
        <translation>
            <numerusform>höchstens %n je Idee</numerusform>
            <numerusform>höchstens %n je Idee</numerusform>
        </translation>
    </message>
    <message>
        <source>budgets: {budgets}</source>
        <translation>Obergrenzen: {budgets}</translation>
    </message>
    <message>
        <source>tally hidden until closed</source>
        <translation>Zwischenstand bis zum Abschluss verborgen</translation>
    </message>
    <message>
        <source>tally visible</source>
        <translation>Zwischenstand sichtbar</translation>
    </message>
    <message>
        <source>ballots can be changed</source>
        <translation>Auswahl änderbar</translation>
    </message>
    <message>
        <source>ballots are final</source>
        <translation>Auswahl endgültig</translation>
    </message>
    <message>
        <source>no check-in needed</source>
        <translation>ohne Check-in</translation>
    </message>
    <message>
        <source>ties: runoff</source>
        <translation>Gleichstand: Stichwahl</translation>
    </message>
    <message>
        <source>ties share a rank</source>
        <translation>Gleichstand: geteilter Rang</translation>
    </message>
    <message>
        <source>runoff of round {number}</source>
        <translation>Stichwahl zu Runde {number}</translation>
    </message>
    <message>
        <source>Fields: {fields}</source>
        <translation>Handlungsfelder: {fields}</translation>
    </message>
    <message>
        <source>Paper dots can be entered once the round is open.</source>
        <translation>Papierpunkte lassen sich eintragen, sobald die Runde geöffnet ist.</translation>
    </message>
    <message>
        <source>Type the dots counted on each poster (double-click or start typing in the last column). 0 removes an entry.</source>
        <translation>Tragen Sie die auf den Plakaten gezählten Punkte ein (Doppelklick oder einfach lostippen in der letzten Spalte). 0 löscht einen Eintrag.</translation>
    </message>
    <message>
        <source>The round is closed; its paper tally is part of the recorded result.</source>
        <translation>Die Runde ist geschlossen; ihre Papierzählung gehört zum festgehaltenen Ergebnis.</translation>
    </message>
    <message>
        <source>Ballots: {ballots} of {eligible} present ({share}) · dots used: {used} of {available} · paper dots: {paper}</source>
        <translation>Abgestimmt: {ballots} von {eligible} Anwesenden ({share}) · Punkte vergeben: {used} von {available} · Papierpunkte: {paper}</translation>
    </message>
    <message>
        <source>New voting round</source>
        <translation>Neue Abstimmungsrunde</translation>
    </message>
    <message>
        <source>Edit voting round</source>
        <translation>Abstimmungsrunde bearbeiten</translation>
    </message>
    <message numerus="yes">
        <source>Round {number} is open: %n idea(s) frozen for voting.</source>
        <translation>
            <numerusform>Runde {number} ist geöffnet: %n Idee steht zur Abstimmung.</numerusform>
            <numerusform>Runde {number} ist geöffnet: %n Ideen stehen zur Abstimmung.</numerusform>
        </translation>
    </message>
    <message>
        <source>“{text}” was merged into “{survivor}”, which takes its place.</source>
        <translation>„{text}“ wurde in „{survivor}“ zusammengeführt; diese Idee tritt an seine Stelle.</translation>
    </message>
    <message>
        <source>“{text}” has been hidden and leaves the ballot.</source>
        <translation>„{text}“ wurde ausgeblendet und verlässt den Stimmzettel.</translation>
    </message>
    <message>
        <source>Since the shortlist was chosen:</source>
        <translation>Seit die Auswahlliste gewählt wurde:</translation>
    </message>
    <message>
        <source>Open the round with these changes?</source>
        <translation>Die Runde mit diesen Änderungen öffnen?</translation>
    </message>
    <message>
        <source>Close round</source>
        <translation>Runde schließen</translation>
    </message>
    <message>
        <source>Close round {number} “{title}” now?

{ballots} ballots have been cast. Nobody can vote or enter paper dots in this round afterwards; its tally is recorded with a SHA-256 checksum.</source>
        <translation>Runde {number} „{title}“ jetzt schließen?

Es wurden {ballots} Stimmzettel abgegeben. Danach kann in dieser Runde niemand mehr abstimmen oder Papierpunkte eintragen; die Auszählung wird mit einer SHA-256-Prüfsumme festgehalten.</translation>
    </message>
    <message>
        <source>Round {number} is closed. SHA-256: {sha}</source>
        <translation>Runde {number} ist geschlossen. SHA-256: {sha}</translation>
    </message>
    <message>
        <source>Runoff</source>
        <translation>Stichwahl</translation>
    </message>
    <message>
        <source>The rules of this round decide ties by a runoff, and these ideas share rank 1:

{ideas}

Create the runoff round now?</source>
        <translation>Nach den Regeln dieser Runde entscheidet bei Gleichstand eine Stichwahl, und diese Ideen teilen sich Rang 1:

{ideas}

Stichwahl jetzt anlegen?</translation>
    </message>
    <message>
        <source>No ideas share a rank in this round; no runoff is needed.</source>
        <translation>In dieser Runde teilen sich keine Ideen einen Rang; eine Stichwahl ist nicht nötig.</translation>
    </message>
    <message>
        <source>Rank {rank}: {ideas}</source>
        <translation>Rang {rank}: {ideas}</translation>
    </message>
    <message>
        <source>Which tied ideas go to the runoff?</source>
        <translation>Welche gleichauf liegenden Ideen kommen in die Stichwahl?</translation>
    </message>
    <message>
        <source>PIN of the voting stations</source>
        <translation>PIN der Abstimmungsstationen</translation>
    </message>
    <message>
        <source>Current station PIN</source>
        <translation>Bisherige Stations-PIN</translation>
    </message>
    <message>
        <source>Save the voting protocol</source>
        <translation>Abstimmungsprotokoll speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Voting protocol saved: {path}</source>
        <translation>Abstimmungsprotokoll gespeichert: {path}</translation>
    </message>
    <message>
        <source>Voting protocol</source>
        <translation>Abstimmungsprotokoll</translation>
    </message>
    <message>
        <source>Set a PIN first: the station can only be left with it.</source>
        <translation>Legen Sie zuerst eine PIN fest: Nur mit ihr lässt sich die Station wieder verlassen.</translation>
    </message>
    <message>
        <source>No round is open yet. Start the station anyway? It will accept badges as soon as a round is opened.</source>
        <translation>Noch ist keine Runde geöffnet. Station trotzdem starten? Sie nimmt Namensschilder an, sobald eine Runde geöffnet ist.</translation>
    </message>
    <message>
        <source>Name of this station (for the record):</source>
        <translation>Name dieser Station (für das Protokoll):</translation>
    </message>
    <message>
        <source>Voting station 1</source>
        <translation>Abstimmungsstation 1</translation>
    </message>
    <message>
        <source>The voting station was closed with the PIN.</source>
        <translation>Die Abstimmungsstation wurde mit der PIN beendet.</translation>
    </message>
</context>
<context>
    <name>_CountDelegate</name>
    <message>
        <source>Dots on paper</source>
        <translation>Punkte auf Papier</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>event file or database URL</source>
        <translation>Veranstaltungsdatei oder Datenbank-URL</translation>
    </message>
    <message>
        <source>show the results of a voting round</source>
        <translation>Ergebnisse einer Abstimmungsrunde anzeigen</translation>
    </message>
    <message>
        <source>round number (default: the open or last closed one)</source>
        <translation>Nummer der Runde (sonst die geöffnete oder zuletzt geschlossene)</translation>
    </message>
    <message>
        <source>output format (default: table)</source>
        <translation>Ausgabeformat (Standard: table)</translation>
    </message>
    <message>
        <source>list, create, open and close voting rounds</source>
        <translation>Abstimmungsrunden auflisten, anlegen, öffnen und schließen</translation>
    </message>
    <message>
        <source>list the voting rounds</source>
        <translation>die Abstimmungsrunden auflisten</translation>
    </message>
    <message>
        <source>create a voting round (a draft until opened)</source>
        <translation>eine Abstimmungsrunde anlegen (ein Entwurf, bis sie geöffnet wird)</translation>
    </message>
    <message>
        <source>dots per participant (default: the event&apos;s)</source>
        <translation>Punkte je Person (sonst die der Veranstaltung)</translation>
    </message>
    <message>
        <source>at most this many dots on one idea</source>
        <translation>höchstens so viele Punkte auf eine Idee</translation>
    </message>
    <message>
        <source>a field of action open in the round (repeat; default: all)</source>
        <translation>ein Handlungsfeld der Runde (mehrfach möglich; sonst alle)</translation>
    </message>
    <message>
        <source>at most N dots of each participant in this field (repeat)</source>
        <translation>höchstens N Punkte je Person in diesem Handlungsfeld (mehrfach möglich)</translation>
    </message>
    <message>
        <source>show the tally while the round is open</source>
        <translation>Zwischenstand anzeigen, solange die Runde geöffnet ist</translation>
    </message>
    <message>
        <source>a cast ballot cannot be changed</source>
        <translation>eine abgegebene Auswahl kann nicht geändert werden</translation>
    </message>
    <message>
        <source>let people vote who are not checked in</source>
        <translation>auch nicht eingecheckte Personen abstimmen lassen</translation>
    </message>
    <message>
        <source>ties are decided by a runoff</source>
        <translation>Gleichstand wird durch eine Stichwahl entschieden</translation>
    </message>
    <message>
        <source>open a round for voting (freezes its ideas)</source>
        <translation>eine Runde zur Abstimmung öffnen (ihre Ideenliste wird festgeschrieben)</translation>
    </message>
    <message>
        <source>close a round and record its tally&apos;s SHA-256</source>
        <translation>eine Runde schließen und die SHA-256 ihrer Auszählung festhalten</translation>
    </message>
    <message>
        <source>create a runoff among the best tied ideas of a closed round</source>
        <translation>eine Stichwahl unter den besten gleichauf liegenden Ideen einer geschlossenen Runde anlegen</translation>
    </message>
    <message>
        <source>round number</source>
        <translation>Nummer der Runde</translation>
    </message>
    <message>
        <source>only the first N places, per field and overall (ideas tied at the cut stay)</source>
        <translation>nur die ersten N Plätze, je Feld und insgesamt (gleichauf liegende Ideen an der Grenze bleiben)</translation>
    </message>
    <message>
        <source>what the ballot holds: clusters, selected (with --idea), top:N (the N best supported per field) or all (default)</source>
        <translation>was auf dem Stimmzettel steht: clusters (Cluster), selected (mit --idea), top:N (die N meistunterstützten je Feld) oder all (Standard)</translation>
    </message>
    <message>
        <source>an idea on the shortlist, by its id or first characters (repeat)</source>
        <translation>eine Idee für die Auswahlliste, per ID oder deren Anfang (wiederholbar)</translation>
    </message>
    <message>
        <source>show a draft round&apos;s ballot, or change its shortlist before it opens</source>
        <translation>den Stimmzettel einer Entwurfsrunde zeigen oder ihre Auswahlliste vor dem Öffnen ändern</translation>
    </message>
    <message>
        <source>clusters, selected, top:N or all</source>
        <translation>clusters, selected, top:N oder all</translation>
    </message>
    <message>
        <source>put this idea on the shortlist (repeat)</source>
        <translation>diese Idee auf die Auswahlliste setzen (wiederholbar)</translation>
    </message>
    <message>
        <source>take this idea off the shortlist (repeat)</source>
        <translation>diese Idee von der Auswahlliste nehmen (wiederholbar)</translation>
    </message>
    <message>
        <source>do not ask for confirmation</source>
        <translation>nicht nachfragen</translation>
    </message>
    <message>
        <source>enter the dots counted on a paper poster for one idea</source>
        <translation>die auf einem Plakat gezählten Punkte einer Idee eintragen</translation>
    </message>
    <message>
        <source>the idea&apos;s id (or its first characters)</source>
        <translation>die ID der Idee (oder ihre ersten Zeichen)</translation>
    </message>
    <message>
        <source>the counted dots (0 removes the entry)</source>
        <translation>die gezählten Punkte (0 löscht den Eintrag)</translation>
    </message>
    <message>
        <source>round number (default: the open one)</source>
        <translation>Nummer der Runde (sonst die geöffnete)</translation>
    </message>
    <message>
        <source>set the PIN that unlocks a voting station</source>
        <translation>die PIN festlegen, mit der sich eine Abstimmungsstation entsperren lässt</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>open</source>
        <translation>geöffnet</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>{dots} dots per participant, at most {max} per idea</source>
        <translation>{dots} Punkte je Person, höchstens {max} je Idee</translation>
    </message>
    <message>
        <source>budgets: {budgets}</source>
        <translation>Obergrenzen: {budgets}</translation>
    </message>
    <message>
        <source>ties: runoff</source>
        <translation>Gleichstand: Stichwahl</translation>
    </message>
    <message>
        <source>ties share a rank</source>
        <translation>Gleichstand: geteilter Rang</translation>
    </message>
    <message>
        <source>{device} device + {paper} paper</source>
        <translation>{device} Gerät + {paper} Papier</translation>
    </message>
    <message>
        <source>merged: {text} ({dots})</source>
        <translation>zusammengeführt: {text} ({dots})</translation>
    </message>
    <message>
        <source>Round {number}: {title} [{status}]</source>
        <translation>Runde {number}: {title} [{status}]</translation>
    </message>
    <message>
        <source>Ballots: {ballots} of {eligible} present ({share:.0%}); dots used: {used} of {available}; paper dots: {paper}</source>
        <translation>Abgestimmt: {ballots} von {eligible} Anwesenden ({share:.0%}); Punkte vergeben: {used} von {available}; Papierpunkte: {paper}</translation>
    </message>
    <message>
        <source>The round is still open: this is an interim count.</source>
        <translation>Die Runde ist noch geöffnet: Das ist ein Zwischenstand.</translation>
    </message>
    <message>
        <source>(budget {n})</source>
        <translation>(höchstens {n} je Person)</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Ties (= shares a rank):</source>
        <translation>Gleichstand (= teilt sich den Rang):</translation>
    </message>
    <message>
        <source>WARNING: the dots in the file no longer match this hash; they were changed after closing.</source>
        <translation>ACHTUNG: Die Punkte in der Datei passen nicht mehr zu dieser Prüfsumme; sie wurden nach dem Abschluss verändert.</translation>
    </message>
    <message>
        <source>No voting rounds yet.</source>
        <translation>Noch keine Abstimmungsrunden.</translation>
    </message>
    <message>
        <source>{ideas} ideas, {ballots} ballots</source>
        <translation>{ideas} Ideen, {ballots} Stimmzettel</translation>
    </message>
    <message>
        <source>Round {number} created: {title}</source>
        <translation>Runde {number} angelegt: {title}</translation>
    </message>
    <message>
        <source>Ballot: {cards} card(s), about {screens} screen(s)</source>
        <translation>Stimmzettel: {cards} Karte(n), etwa {screens} Bildschirm(e)</translation>
    </message>
    <message>
        <source>(every active idea)</source>
        <translation>(alle aktiven Ideen)</translation>
    </message>
    <message>
        <source>On opening, “{text}” gives way to “{survivor}”, into which it was merged.</source>
        <translation>Beim Öffnen tritt „{survivor}“ an die Stelle von „{text}“, das darin zusammengeführt wurde.</translation>
    </message>
    <message>
        <source>On opening, “{text}” leaves the ballot: it has been hidden.</source>
        <translation>Beim Öffnen verlässt „{text}“ den Stimmzettel: die Idee wurde ausgeblendet.</translation>
    </message>
    <message>
        <source>Cannot open yet: {problem}</source>
        <translation>Kann noch nicht geöffnet werden: {problem}</translation>
    </message>
    <message>
        <source>“{text}” gave way to “{survivor}”, into which it was merged.</source>
        <translation>„{survivor}“ ist an die Stelle von „{text}“ getreten, das darin zusammengeführt wurde.</translation>
    </message>
    <message>
        <source>“{text}” left the ballot: it has been hidden.</source>
        <translation>„{text}“ steht nicht mehr auf dem Stimmzettel: die Idee wurde ausgeblendet.</translation>
    </message>
    <message>
        <source>Round {number} is open: {ideas} ideas are frozen for voting.</source>
        <translation>Runde {number} ist geöffnet: {ideas} Ideen stehen zur Abstimmung.</translation>
    </message>
    <message>
        <source>Close round {number} ({ballots} ballots)? Nobody can vote in it afterwards. [y/N] </source>
        <translation>Runde {number} ({ballots} Stimmzettel) schließen? Danach kann niemand mehr darin abstimmen. [j/N] </translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Round {number} is closed.</source>
        <translation>Runde {number} ist geschlossen.</translation>
    </message>
    <message>
        <source>Round {number} created: {title} ({ideas} ideas). Open it when the hall is ready.</source>
        <translation>Runde {number} angelegt: {title} ({ideas} Ideen). Öffnen Sie sie, wenn der Saal bereit ist.</translation>
    </message>
    <message>
        <source>Paper dots for “{text}”: {dots}</source>
        <translation>Papierpunkte für „{text}“: {dots}</translation>
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
        <source>The two PINs differ. Nothing was changed.</source>
        <translation>Die beiden PINs stimmen nicht überein. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Current PIN of the voting stations: </source>
        <translation>Bisherige PIN der Abstimmungsstationen: </translation>
    </message>
    <message>
        <source>The PIN of the voting stations is set.</source>
        <translation>Die PIN der Abstimmungsstationen ist festgelegt.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>This event has no open or closed voting round yet.</source>
        <translation>Diese Veranstaltung hat noch keine geöffnete oder geschlossene Abstimmungsrunde.</translation>
    </message>
    <message>
        <source>--top needs a number of 1 or more.</source>
        <translation>--top braucht eine Zahl ab 1.</translation>
    </message>
    <message>
        <source>No single field of action is called “{name}”. The fields are: {names}.</source>
        <translation>Kein einzelnes Handlungsfeld heißt „{name}“. Die Handlungsfelder sind: {names}.</translation>
    </message>
    <message>
        <source>Write a budget as NAME=N, for example Mobilität=2.</source>
        <translation>Schreiben Sie eine Obergrenze als NAME=N, zum Beispiel Mobilität=2.</translation>
    </message>
    <message>
        <source>No single active idea of the round&apos;s fields has an id starting with “{id}”.</source>
        <translation>Keine einzelne aktive Idee der Felder dieser Runde hat eine ID, die mit „{id}“ beginnt.</translation>
    </message>
    <message>
        <source>No voting round is open. Give the round with --round N.</source>
        <translation>Keine Abstimmungsrunde ist geöffnet. Geben Sie die Runde mit --round N an.</translation>
    </message>
    <message>
        <source>No single idea of round {number} has an id starting with “{id}”.</source>
        <translation>Keine einzelne Idee der Runde {number} hat eine ID, die mit „{id}“ beginnt.</translation>
    </message>
    <message>
        <source>A dot count must be a whole number of 0 or more.</source>
        <translation>Eine Punktzahl muss eine ganze Zahl ab 0 sein.</translation>
    </message>
    <message>
        <source>This idea is not part of the voting round. Scan your badge again.</source>
        <translation>Diese Idee gehört nicht zur Abstimmungsrunde. Bitte scannen Sie Ihr Namensschild erneut.</translation>
    </message>
    <message>
        <source>At most {max} dots per idea are allowed in this round.</source>
        <translation>In dieser Runde sind höchstens {max} Punkte je Idee erlaubt.</translation>
    </message>
    <message>
        <source>Place at least one dot, or press Cancel.</source>
        <translation>Vergeben Sie mindestens einen Punkt oder tippen Sie auf Abbrechen.</translation>
    </message>
    <message>
        <source>You have {max} dots in this round, not {count}.</source>
        <translation>Sie haben in dieser Runde {max} Punkte, nicht {count}.</translation>
    </message>
    <message>
        <source>At most {max} dots may go to “{field}”.</source>
        <translation>Höchstens {max} Punkte dürfen an „{field}“ gehen.</translation>
    </message>
    <message>
        <source>This voting round no longer exists. It may have been removed on another laptop.</source>
        <translation>Diese Abstimmungsrunde gibt es nicht mehr. Vielleicht wurde sie auf einem anderen Laptop gelöscht.</translation>
    </message>
    <message>
        <source>There is no voting round {number}.</source>
        <translation>Es gibt keine Abstimmungsrunde {number}.</translation>
    </message>
    <message>
        <source>Dots must be a whole number from 1 to {max}.</source>
        <translation>Punkte müssen eine ganze Zahl von 1 bis {max} sein.</translation>
    </message>
    <message>
        <source>The maximum per idea ({max}) cannot be more than the dots per participant ({dots}).</source>
        <translation>Die Höchstzahl je Idee ({max}) kann nicht größer sein als die Punkte je Person ({dots}).</translation>
    </message>
    <message>
        <source>Choose at least one field of action for the round.</source>
        <translation>Wählen Sie mindestens ein Handlungsfeld für die Runde.</translation>
    </message>
    <message>
        <source>This field of action no longer exists. It may have been removed on another laptop.</source>
        <translation>Dieses Handlungsfeld gibt es nicht mehr. Vielleicht wurde es auf einem anderen Laptop entfernt.</translation>
    </message>
    <message>
        <source>The budget of “{field}” must be a whole number from 1 to {max}.</source>
        <translation>Die Obergrenze für „{field}“ muss eine ganze Zahl von 1 bis {max} sein.</translation>
    </message>
    <message>
        <source>The rules of a round cannot change once it has been opened.</source>
        <translation>Die Regeln einer Runde lassen sich nicht mehr ändern, sobald sie geöffnet wurde.</translation>
    </message>
    <message>
        <source>A round that has been opened is part of the record and cannot be removed.</source>
        <translation>Eine bereits geöffnete Runde gehört zum Protokoll und kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>A runoff refers to this round; remove the runoff first.</source>
        <translation>Eine Stichwahl bezieht sich auf diese Runde; löschen Sie zuerst die Stichwahl.</translation>
    </message>
    <message>
        <source>This round has been opened already.</source>
        <translation>Diese Runde wurde bereits geöffnet.</translation>
    </message>
    <message>
        <source>Round {number} is still open. Close it before opening another one.</source>
        <translation>Runde {number} ist noch geöffnet. Schließen Sie sie, bevor Sie eine andere öffnen.</translation>
    </message>
    <message>
        <source>The round&apos;s fields of action hold no ideas yet; there is nothing to vote on.</source>
        <translation>Die Handlungsfelder der Runde enthalten noch keine Ideen; es gibt nichts abzustimmen.</translation>
    </message>
    <message>
        <source>Only an open round can be closed.</source>
        <translation>Nur eine geöffnete Runde kann geschlossen werden.</translation>
    </message>
    <message>
        <source>This round has been closed already.</source>
        <translation>Diese Runde wurde bereits geschlossen.</translation>
    </message>
    <message>
        <source>A runoff can only follow a closed round.</source>
        <translation>Eine Stichwahl kann nur auf eine geschlossene Runde folgen.</translation>
    </message>
    <message>
        <source>No ideas share a rank in this round; no runoff is needed.</source>
        <translation>In dieser Runde teilen sich keine Ideen einen Rang; eine Stichwahl ist nicht nötig.</translation>
    </message>
    <message>
        <source>A runoff needs at least two ideas.</source>
        <translation>Eine Stichwahl braucht mindestens zwei Ideen.</translation>
    </message>
    <message>
        <source>One of the ideas no longer exists.</source>
        <translation>Eine der Ideen gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>This badge belongs to nobody registered for this event.</source>
        <translation>Dieses Namensschild gehört zu niemandem, der für diese Veranstaltung angemeldet ist.</translation>
    </message>
    <message>
        <source>Badge {number} has not been checked in at the registration desk. Please check in there first, then come back to vote.</source>
        <translation>Namensschild {number} wurde am Empfang noch nicht eingecheckt. Bitte checken Sie dort zuerst ein und kommen Sie dann zum Abstimmen zurück.</translation>
    </message>
    <message>
        <source>Voting in this round has not started yet.</source>
        <translation>Die Abstimmung in dieser Runde hat noch nicht begonnen.</translation>
    </message>
    <message>
        <source>Voting in this round has ended. Thank you for coming by!</source>
        <translation>Die Abstimmung in dieser Runde ist beendet. Danke, dass Sie vorbeigekommen sind!</translation>
    </message>
    <message>
        <source>Ticket {number} has voted already; in this round a ballot cannot be changed.</source>
        <translation>Ticket {number} hat bereits abgestimmt; in dieser Runde lässt sich die Auswahl nicht ändern.</translation>
    </message>
    <message>
        <source>This badge was used at another voting station at the same time. Nothing was saved here; please scan your badge again.</source>
        <translation>Dieses Namensschild wurde gleichzeitig an einer anderen Abstimmungsstation verwendet. Hier wurde nichts gespeichert; bitte scannen Sie Ihr Namensschild erneut.</translation>
    </message>
    <message>
        <source>The round is closed; its tally can no longer change.</source>
        <translation>Die Runde ist geschlossen; ihre Auszählung kann sich nicht mehr ändern.</translation>
    </message>
    <message>
        <source>Enter the counted dots as a whole number of 0 or more.</source>
        <translation>Geben Sie die gezählten Punkte als ganze Zahl ab 0 ein.</translation>
    </message>
    <message>
        <source>{count} dots on one idea cannot be right (at most {max}). Count the poster again.</source>
        <translation>{count} Punkte auf einer Idee können nicht stimmen (höchstens {max}). Bitte zählen Sie das Plakat noch einmal.</translation>
    </message>
    <message>
        <source>This idea is not part of the voting round.</source>
        <translation>Diese Idee gehört nicht zur Abstimmungsrunde.</translation>
    </message>
    <message>
        <source>Only a closed round has a tally to verify.</source>
        <translation>Nur eine geschlossene Runde hat eine Auszählung, die sich prüfen lässt.</translation>
    </message>
    <message>
        <source>No voting round is open at the moment. Please ask the team.</source>
        <translation>Zurzeit ist keine Abstimmungsrunde geöffnet. Bitte fragen Sie das Team.</translation>
    </message>
    <message>
        <source>“{text}” is no shortlist. Write clusters, selected, all, or top:N with N from 1 to {max}.</source>
        <translation>„{text}“ ist keine Auswahlliste. Schreiben Sie clusters, selected, all oder top:N mit N von 1 bis {max}.</translation>
    </message>
    <message>
        <source>The ideas of a round cannot change once it has been opened.</source>
        <translation>Die Ideen einer Runde können sich nicht mehr ändern, sobald sie geöffnet ist.</translation>
    </message>
    <message>
        <source>A runoff votes on the tied ideas; its list is fixed.</source>
        <translation>Eine Stichwahl stimmt über die gleichauf liegenden Ideen ab; ihre Liste steht fest.</translation>
    </message>
    <message>
        <source>{count} of the ticked ideas cannot go on the ballot: they are hidden, merged, or in a field of action that is not part of the round.</source>
        <translation>{count} der angehakten Ideen können nicht auf den Stimmzettel: sie sind ausgeblendet, zusammengeführt oder gehören zu einem Handlungsfeld, das nicht zur Runde gehört.</translation>
    </message>
    <message>
        <source>The number of ideas per field must be from 1 to {max}.</source>
        <translation>Die Zahl der Ideen je Feld muss zwischen 1 und {max} liegen.</translation>
    </message>
    <message>
        <source>The shortlist would be empty: there is nothing to vote on. Cluster or tick ideas first, or choose another kind of shortlist.</source>
        <translation>Die Auswahlliste wäre leer: es gäbe nichts abzustimmen. Bilden Sie zuerst Cluster oder haken Sie Ideen an, oder wählen Sie eine andere Auswahl.</translation>
    </message>
    <message>
        <source>A hidden or merged idea cannot go on the ballot: “{text}”.</source>
        <translation>Eine ausgeblendete oder zusammengeführte Idee kann nicht auf den Stimmzettel: „{text}“.</translation>
    </message>
    <message>
        <source>“{text}” belongs to a field of action that is not part of this round.</source>
        <translation>„{text}“ gehört zu einem Handlungsfeld, das nicht Teil dieser Runde ist.</translation>
    </message>
    <message>
        <source>This idea is not on the round&apos;s shortlist.</source>
        <translation>Diese Idee steht nicht auf der Auswahlliste der Runde.</translation>
    </message>
    <message>
        <source>This is the last idea on the shortlist; a round needs at least one. Choose another shortlist instead.</source>
        <translation>Das ist die letzte Idee auf der Auswahlliste; eine Runde braucht mindestens eine. Wählen Sie stattdessen eine andere Auswahl.</translation>
    </message>
    <message>
        <source>The field of action “{field}” has no card on the ballot. Put an idea of it on the shortlist, or leave the field out of the round.</source>
        <translation>Das Handlungsfeld „{field}“ hat keine Karte auf dem Stimmzettel. Nehmen Sie eine Idee daraus in die Auswahl auf oder lassen Sie das Feld aus der Runde heraus.</translation>
    </message>
    <message>
        <source>The budget of “{field}” is {budget} dots, but its {cards} card(s) can take only {max}. Lower the budget or put more ideas on the shortlist.</source>
        <translation>Das Budget von „{field}“ beträgt {budget} Punkte, seine {cards} Karte(n) können aber nur {max} aufnehmen. Senken Sie das Budget oder nehmen Sie mehr Ideen in die Auswahl auf.</translation>
    </message>
</context>
</TS>
