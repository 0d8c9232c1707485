<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChangeLinkDialog</name>
    <message>
        <location filename="../ui/changelinkdialog.ui" line="+14"/>
        <source>Change Link</source>
        <translation>Link ändern</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Current link:</source>
        <translation>Aktueller Link:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;New link:</source>
        <translation>&amp;Neuer Link:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
</context>
<context>
    <name>Quiver::AddLinksPanel</name>
    <message>
        <location filename="../src/gui/problemlist.cpp" line="+24"/>
        <source>%1 — %2</source>
        <comment>a problem, then the text it is about</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../src/gui/addlinkspanel.cpp" line="+46"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paste links, or text that contains links, or drop a file of links here</source>
        <translation>Fügen Sie Links oder Text mit Links ein, oder legen Sie hier eine Datei mit Links ab</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Add Paused</source>
        <translation>Pausiert hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add the links found to the queue and start downloading them (%1)</source>
        <translation>Die gefundenen Links zur Warteschlange hinzufügen und sofort herunterladen (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add the links found to the queue without starting them; Start begins them later</source>
        <translation>Die gefundenen Links zur Warteschlange hinzufügen, ohne sie zu starten; „Starten“ beginnt sie später</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Empty the box and forget its problems</source>
        <translation>Das Feld leeren und die gemeldeten Probleme verwerfen</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Add many links?</source>
        <translation>Viele Links hinzufügen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add %1 links to the download queue?</source>
        <translation>%1 Links zur Warteschlange hinzufügen?</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the pasted text</source>
        <translation>dem eingefügten Text</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>No links found in %1.</source>
        <translation>In %1 wurden keine Links gefunden.</translation>
    </message>
    <message>
        <location filename="../src/gui/problemlist.cpp" line="+80"/>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line %1: already in the queue</source>
        <translation>Zeile %1: bereits in der Warteschlange</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>%1
%2</source>
        <comment>a problem, then the text it is about</comment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location filename="../src/gui/addlinkspanel.cpp" line="+247"/>
        <source>Reading %1…</source>
        <translation>Links aus %1 werden gelesen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking links…</source>
        <translation>Links werden geprüft…</translation>
    </message>
</context>
<context>
    <name>Quiver::AppSettings</name>
    <message>
        <location filename="../src/gui/appsettings.cpp" line="+60"/>
        <source>The folder for the engines&apos; tokens could not be created. Check your permissions on %1.</source>
        <translation>Der Ordner für die Tokens der Engines konnte nicht angelegt werden. Prüfen Sie Ihre Rechte an %1.</translation>
    </message>
</context>
<context>
    <name>Quiver::Aria2</name>
    <message>
        <location filename="../src/core/remote/aria2backend.cpp" line="+71"/>
        <source>%1 stays on the engine “%2”: aria2 cannot delete files over its RPC. Delete it on that machine.</source>
        <translation>%1 bleibt auf der Engine „%2“: aria2 kann über seine RPC-Schnittstelle keine Dateien löschen. Löschen Sie sie auf jenem Rechner.</translation>
    </message>
    <message>
        <location filename="../src/core/remote/aria2errors.cpp" line="+39"/>
        <source>The engine “%1” could not be reached (%2). Check that aria2 runs there with --enable-rpc and that the address is right.</source>
        <translation>Die Engine „%1“ war nicht erreichbar (%2). Prüfen Sie, ob aria2 dort mit --enable-rpc läuft und die Adresse stimmt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The engine “%1” refused Quiver&apos;s secret token. Give it the token aria2 was started with (--rpc-secret).</source>
        <translation>Die Engine „%1“ hat Quivers geheimes Token abgelehnt. Geben Sie das Token an, mit dem aria2 gestartet wurde (--rpc-secret).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The engine “%1” did not answer as aria2 does (%2). Check its RPC address; it usually ends in /jsonrpc.</source>
        <translation>Die Engine „%1“ hat nicht wie aria2 geantwortet (%2). Prüfen Sie ihre RPC-Adresse; sie endet meist auf /jsonrpc.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The engine “%1” refused the request: %2.</source>
        <translation>Die Engine „%1“ hat die Anfrage abgelehnt: %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server did not answer the engine “%1” in time.</source>
        <translation>Der Server hat der Engine „%1“ nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The engine “%1” lost the connection to the server.</source>
        <translation>Die Engine „%1“ hat die Verbindung zum Server verloren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk of the engine “%1” is full. Free some space there, then retry.</source>
        <translation>Der Datenträger der Engine „%1“ ist voll. Geben Sie dort Platz frei und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A file of that name is already in the folder on the engine “%1”. Choose another name or folder.</source>
        <translation>Im Ordner auf der Engine „%1“ gibt es bereits eine Datei dieses Namens. Wählen Sie einen anderen Namen oder Ordner.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The engine “%1” could not write the file: %2. Check the folder on that machine.</source>
        <translation>Die Engine „%1“ konnte die Datei nicht schreiben: %2. Prüfen Sie den Ordner auf jenem Rechner.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The engine “%1” could not look up the server&apos;s name.</source>
        <translation>Die Engine „%1“ konnte den Namen des Servers nicht auflösen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file on the engine “%1” does not match the checksum given for it.</source>
        <translation>Die Datei auf der Engine „%1“ stimmt nicht mit der angegebenen Prüfsumme überein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>aria2 on the engine “%1” stopped the download: %2 (error %3).</source>
        <translation>aria2 auf der Engine „%1“ hat den Download beendet: %2 (Fehler %3).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reason given</source>
        <translation>ohne Angabe eines Grundes</translation>
    </message>
    <message>
        <location filename="../src/core/remote/aria2transfer.cpp" line="+66"/>
        <source>The engine “%1” was changed in Settings as this download started; it starts again there.</source>
        <translation>Die Engine „%1“ wurde in den Einstellungen geändert, als dieser Download startete; er beginnt dort erneut.</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>The download was removed on the engine “%1” again and again; Quiver stopped adding it.</source>
        <translation>Der Download wurde auf der Engine „%1“ immer wieder entfernt; Quiver fügt ihn nicht mehr hinzu.</translation>
    </message>
    <message>
        <location filename="../src/core/remote/secretfile.cpp" line="+28"/>
        <source>The secret file %1 could not be read: %2.</source>
        <translation>Die Geheimnisdatei %1 konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The secret file %1 is not a regular file.</source>
        <translation>Die Geheimnisdatei %1 ist keine gewöhnliche Datei.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The secret file %1 can be read or changed by other users. Make it yours alone (chmod 600 %1), then try again.</source>
        <translation>Die Geheimnisdatei %1 kann von anderen Benutzern gelesen oder geändert werden. Machen Sie sie nur für Sie zugänglich (chmod 600 %1) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The secret file %1 is too long for a token; it should hold the token alone.</source>
        <translation>Die Geheimnisdatei %1 ist für ein Token zu lang; sie sollte nur das Token enthalten.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The secret file %1 holds no token.</source>
        <translation>Die Geheimnisdatei %1 enthält kein Token.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The secret could not be saved in %1: %2.</source>
        <translation>Das Geheimnis konnte nicht in %1 gespeichert werden: %2.</translation>
    </message>
</context>
<context>
    <name>Quiver::ChangeLinkDialog</name>
    <message>
        <location filename="../src/gui/changelinkdialog.cpp" line="+24"/>
        <source>Clear Link</source>
        <translation>Link löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give “%1” a new link, for example when the old one has expired.</source>
        <translation>Geben Sie einen neuen Link für „%1“ an, zum Beispiel wenn der alte abgelaufen ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change Link</source>
        <translation>Link ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 already downloaded are kept if the new link serves the same file (same size and version); otherwise the download starts over.</source>
        <translation>Die bereits heruntergeladenen %1 bleiben erhalten, wenn der neue Link dieselbe Datei liefert (gleiche Größe und Version); andernfalls beginnt der Download von vorn.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The download uses the new link from its next attempt on.</source>
        <translation>Der Download verwendet den neuen Link ab dem nächsten Versuch.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This is the link the download already has. Paste the new one.</source>
        <translation>Diesen Link hat der Download bereits. Fügen Sie den neuen ein.</translation>
    </message>
</context>
<context>
    <name>Quiver::ChecksumList</name>
    <message>
        <location filename="../src/core/links/checksumlist.cpp" line="+79"/>
        <source>“%1” is not a checksum list: it is binary or larger than 16 MiB.</source>
        <translation>„%1“ ist keine Prüfsummenliste: Die Datei ist binär oder größer als 16 MiB.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Checksum type “%1” is not supported: only SHA256, SHA512 and SHA1 can be checked.</source>
        <translation>Der Prüfsummentyp „%1“ wird nicht unterstützt: Nur SHA256, SHA512 und SHA1 können geprüft werden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The checksum on this line is not a valid %1 digest.</source>
        <translation>Die Prüfsumme in dieser Zeile ist kein gültiger %1-Wert.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This line is not a checksum line: write it as the hexadecimal digest, two spaces and the file name, as sha256sum prints it.</source>
        <translation>Diese Zeile ist keine Prüfsummenzeile: Schreiben Sie die hexadezimale Prüfsumme, zwei Leerzeichen und den Dateinamen, wie sha256sum sie ausgibt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A checksum of %1 hexadecimal digits is not supported (MD5?): only SHA-256, SHA-512 and SHA-1 can be checked.</source>
        <translation>Eine Prüfsumme aus %1 Hexadezimalziffern wird nicht unterstützt (MD5?): Nur SHA-256, SHA-512 und SHA-1 können geprüft werden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This checksum line names no file.</source>
        <translation>Diese Prüfsummenzeile nennt keine Datei.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” lists no checksums.</source>
        <translation>„%1“ enthält keine Prüfsummen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>“%1” is not a file name, so no download can be checked against it.</source>
        <translation>„%1“ ist kein Dateiname, daher kann kein Download damit geprüft werden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“%1” is listed twice with different checksums, so a file of that name is not checked against this list.</source>
        <translation>„%1“ steht zweimal mit verschiedenen Prüfsummen in der Liste, daher wird eine Datei dieses Namens nicht mit dieser Liste geprüft.</translation>
    </message>
</context>
<context>
    <name>Quiver::ChecksumSourceDialog</name>
    <message>
        <location filename="../src/gui/checksumsourcedialog.cpp" line="+21"/>
        <location line="+50"/>
        <source>Open Checksum List</source>
        <translation>Prüfsummenliste öffnen</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>A SHA256SUMS-style file, or a &amp;link to one:</source>
        <translation>Eine Datei wie SHA256SUMS oder ein &amp;Link darauf:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>https://example.org/release/SHA256SUMS</source>
        <translation>https://example.org/release/SHA256SUMS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each download whose file name is in the list is checked against it before it finishes, also after Quiver restarts. A mismatch fails the download.</source>
        <translation>Jeder Download, dessen Dateiname in der Liste steht, wird vor dem Abschluss mit ihr geprüft, auch nach einem Neustart von Quiver. Stimmt die Prüfsumme nicht, schlägt der Download fehl.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Checksum lists (*SUMS* *.sha256 *.sha512 *.sha1 *.txt);;All files (*)</source>
        <translation>Prüfsummenlisten (*SUMS* *.sha256 *.sha512 *.sha1 *.txt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>Quiver::CliApp</name>
    <message>
        <location filename="../src/cli/cliapp.cpp" line="+85"/>
        <source>Downloads many files at once, resuming and retrying until each one is complete and correct.</source>
        <translation>Lädt viele Dateien gleichzeitig herunter und setzt fort oder versucht es erneut, bis jede vollständig und korrekt ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read links from FILE (- for standard input).</source>
        <translation>Links aus DATEI lesen (- für die Standardeingabe).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <location line="+4"/>
        <location line="+8"/>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Save files into DIR (default: the current folder).</source>
        <translation>Dateien in ORDNER speichern (Vorgabe: der aktuelle Ordner).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+3"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Give up on an attempt after S seconds without data (default 30).</source>
        <translation>Einen Versuch nach S Sekunden ohne Daten abbrechen (Vorgabe 30).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location line="+2"/>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Give up on an attempt when the server has not answered within S seconds (default 30).</source>
        <translation>Einen Versuch abbrechen, wenn der Server nicht innerhalb von S Sekunden antwortet (Vorgabe 30).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry a failed download up to N times (default 5).</source>
        <translation>Einen fehlgeschlagenen Download bis zu N-mal erneut versuchen (Vorgabe 5).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait up to S seconds before the first retry; the wait doubles with each retry (default 1).</source>
        <translation>Vor dem ersten erneuten Versuch bis zu S Sekunden warten; die Wartezeit verdoppelt sich mit jedem weiteren Versuch (Vorgabe 1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the queue in FILE so a later run resumes it.</source>
        <translation>Die Warteschlange in DATEI festhalten, damit ein späterer Aufruf sie fortsetzt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Connect directly, ignoring the system&apos;s proxy settings (http_proxy and the like).</source>
        <translation>Direkt verbinden, ohne die Proxy-Einstellungen des Systems (http_proxy und ähnliche).</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+9"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Take [ ] { } in links as they are, not as URL patterns (curl&apos;s -g). Without it, http://host/img[001-120].jpg is 120 links; see README.</source>
        <translation>[ ] { } in Links wörtlich nehmen, nicht als URL-Muster (wie curl -g). Ohne diese Option ergibt http://host/img[001-120].jpg 120 Links; siehe README.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse a URL pattern that makes more than N links (default %1).</source>
        <translation>Ein URL-Muster ablehnen, das mehr als N Links ergibt (Standard %1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check every download whose file name is in the checksum list SOURCE (a SHA256SUMS-style file or a link to one; sha256sum, sha512sum, sha1sum and BSD formats) before it is finished; a mismatch fails it. May be given more than once.</source>
        <translation>Jeden Download, dessen Dateiname in der Prüfsummenliste QUELLE steht (eine Datei wie SHA256SUMS oder ein Link darauf; Formate von sha256sum, sha512sum, sha1sum und BSD), vor dem Abschluss prüfen; bei Abweichung schlägt er fehl. Darf mehrfach angegeben werden.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SOURCE</source>
        <translation>QUELLE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the run ends, write the queue to FILE as a links file (each link with its final out= name and its dir= under -d), which quiver-cli -i and aria2c -i read back.</source>
        <translation>Am Ende des Laufs die Warteschlange als Linkdatei in DATEI schreiben (jeder Link mit seinem endgültigen Namen als out= und seinem Ordner unter -d als dir=), die quiver-cli -i und aria2c -i wieder einlesen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download on the aria2 daemon at URL (its JSON-RPC address, such as http://nas:6800/jsonrpc) instead of this computer. -d is then a folder on the daemon&apos;s machine (default: the daemon&apos;s own).</source>
        <translation>Auf dem aria2-Dienst unter URL (seiner JSON-RPC-Adresse, etwa http://nas:6800/jsonrpc) statt auf diesem Computer herunterladen. -d ist dann ein Ordner auf dem Rechner des Dienstes (Vorgabe: dessen eigener).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the daemon&apos;s secret token (its --rpc-secret) from FILE, which only you may read (chmod 600).</source>
        <translation>Das geheime Token des Dienstes (sein --rpc-secret) aus DATEI lesen, die nur Sie lesen dürfen (chmod 600).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Download at most RATE bytes per second in all, e.g. 500K or 2M (K = 1024 bytes; 0: no limit).</source>
        <translation>Höchstens RATE Bytes pro Sekunde insgesamt herunterladen, z. B. 500K oder 2M (K = 1024 Bytes; 0: keine Grenze).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RATE</source>
        <translation>RATE</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Links to download, in addition to those from --input.</source>
        <translation>Herunterzuladende Links, zusätzlich zu denen aus --input.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>[URL...]</source>
        <translation>[URL...]</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>-j and --per-host take a whole number from 1 to 1000.</source>
        <translation>-j und --per-host erwarten eine ganze Zahl von 1 bis 1000.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>-s takes a whole number from 1 to 16.</source>
        <translation>-s erwartet eine ganze Zahl von 1 bis 16.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--retries takes a whole number from 0 to 1000.</source>
        <translation>--retries erwartet eine ganze Zahl von 0 bis 1000.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--timeout, --connect-timeout and --retry-wait take a number of seconds greater than 0.</source>
        <translation>--timeout, --connect-timeout und --retry-wait erwarten eine Anzahl Sekunden größer als 0.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--limit-rate takes bytes per second, such as 500K, 2M or 100000, not “%1”.</source>
        <translation>--limit-rate erwartet Bytes pro Sekunde wie 500K, 2M oder 100000, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--max-pattern-links takes a whole number from 1 to 10000000.</source>
        <translation>--max-pattern-links erwartet eine ganze Zahl von 1 bis 10000000.</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Keep at most N connections at once (default 8): one per download, or one per segment with -s.</source>
        <translation>Höchstens N Verbindungen gleichzeitig halten (Vorgabe 8): eine je Download, mit -s eine je Segment.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep at most N connections at once per host (default: as many as -j).</source>
        <translation>Höchstens N Verbindungen gleichzeitig pro Host halten (Vorgabe: so viele wie -j).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fetch each file over up to N connections at once when the server serves it in ranges (default 1); they count against -j and --per-host.</source>
        <translation>Jede Datei über bis zu N Verbindungen gleichzeitig laden, wenn der Server sie in Bereichen liefert (Vorgabe 1); sie zählen bei -j und --per-host mit.</translation>
    </message>
    <message>
        <location line="+93"/>
        <location line="+159"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="-157"/>
        <location line="+159"/>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <location line="-157"/>
        <location line="+159"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>%1: only the first %2 of %3 problems are listed. Check that this is a list of links.</source>
        <translation>%1: Nur die ersten %2 von %3 Problemen werden aufgeführt. Prüfen Sie, ob dies eine Liste von Links ist.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot read the links file “%1”: %2.</source>
        <translation>Die Linkdatei „%1“ kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>standard input</source>
        <translation>Standardeingabe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>argument %1</source>
        <translation>Argument %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No links given. Pass URLs as arguments or a links file with -i FILE (see --help).</source>
        <translation>Keine Links angegeben. Übergeben Sie URLs als Argumente oder eine Linkdatei mit -i DATEI (siehe --help).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>With --remote, -d names a folder on the daemon&apos;s machine: give its absolute path.</source>
        <translation>Mit --remote bezeichnet -d einen Ordner auf dem Rechner des Dienstes: Geben Sie seinen absoluten Pfad an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--remote-secret-file needs --remote URL.</source>
        <translation>--remote-secret-file braucht --remote URL.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>“%1” is not a folder. Choose a folder with -d.</source>
        <translation>„%1“ ist kein Ordner. Wählen Sie mit -d einen Ordner.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot create the folder “%1”. Check the path and your permissions.</source>
        <translation>Der Ordner „%1“ kann nicht angelegt werden. Prüfen Sie den Pfad und Ihre Berechtigungen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--checksums checks files on this computer; with --remote the files are on the daemon&apos;s machine.</source>
        <translation>--checksums prüft Dateien auf diesem Rechner; mit --remote liegen die Dateien auf dem Rechner des Daemons.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>-s splits downloads on this computer; with --remote, set aria2&apos;s own --split and --max-connection-per-server on the daemon.</source>
        <translation>-s teilt Downloads auf diesem Rechner auf; mit --remote stellen Sie am Daemon die aria2-Optionen --split und --max-connection-per-server ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--limit-rate limits downloads on this computer; with --remote, set aria2&apos;s own --max-overall-download-limit on the daemon.</source>
        <translation>--limit-rate begrenzt Downloads auf diesem Rechner; mit --remote stellen Sie am Daemon die aria2-Option --max-overall-download-limit ein.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Cannot read the checksum list “%1”: %2.</source>
        <translation>Die Prüfsummenliste „%1“ kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is larger than 16 MiB, so it is not a checksum list.</source>
        <translation>„%1“ ist größer als 16 MiB und daher keine Prüfsummenliste.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: %2 more problems are not listed.</source>
        <translation>%1: %2 weitere Probleme werden nicht aufgeführt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--checksums: %1</source>
        <translation>--checksums: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The checksum list could not be fetched, so nothing was downloaded. %1</source>
        <translation>Die Prüfsummenliste konnte nicht abgerufen werden, daher wurde nichts heruntergeladen. %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+51"/>
        <location line="+2"/>
        <source>session %1: %2</source>
        <translation>Sitzung %1: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” in “%2” holds %3 of a download of %4 that is in no queue. To continue it, run quiver-cli again with that link and -d “%2”; or delete the file.</source>
        <translation>„%1“ in „%2“ enthält %3 eines Downloads von %4, der in keiner Warteschlange steht. Um ihn fortzusetzen, starten Sie quiver-cli erneut mit diesem Link und -d „%2“; oder löschen Sie die Datei.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--remote takes the daemon&apos;s JSON-RPC address, such as http://nas:6800/jsonrpc.</source>
        <translation>--remote erwartet die JSON-RPC-Adresse des Dienstes, etwa http://nas:6800/jsonrpc.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Interrupted. The queue is saved in “%1”; run again with --session to continue.</source>
        <translation>Unterbrochen. Die Warteschlange ist in „%1“ gespeichert; rufen Sie quiver-cli erneut mit --session auf, um fortzufahren.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot write the links file “%1”: %2.</source>
        <translation>Die Linkdatei „%1“ kann nicht geschrieben werden: %2.</translation>
    </message>
</context>
<context>
    <name>Quiver::DetailsPane</name>
    <message>
        <location filename="../src/gui/detailspane.cpp" line="+27"/>
        <source>Download details</source>
        <translation>Details zum Download</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a download to see its details.</source>
        <translation>Wählen Sie einen Download aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 downloads selected.</source>
        <translation>%1 Downloads ausgewählt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <comment>the engine a download runs on</comment>
        <translation>Wo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Folder on %1</source>
        <translation>Ordner auf %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Up to %1, this download&apos;s own number</source>
        <translation>Bis zu %1, eigene Zahl dieses Downloads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up to %1, as in Settings</source>
        <translation>Bis zu %1, wie in den Einstellungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; 1 at work now</source>
        <translation>; 1 gerade aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>; %1 at work now</source>
        <translation>; %1 gerade aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>Quiver::DownloadState</name>
    <message>
        <location filename="../src/core/queue/downloadstate.cpp" line="+52"/>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting</source>
        <translation>Verbindungsaufbau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloading</source>
        <translation>Wird heruntergeladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrying</source>
        <translation>Wird erneut versucht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifying</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>Quiver::DownloadTarget</name>
    <message>
        <location filename="../src/core/disk/downloadtarget.cpp" line="+63"/>
        <source>Quiver found “%1” from an earlier download of this link, with %2, and continues it.</source>
        <translation>Quiver hat „%1“ von einem früheren Download dieses Links gefunden (%2) und setzt ihn fort.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>The file&apos;s %1 is %2, but the checksum list “%4” expects %3. The download was kept as “%5” and not given its final name.</source>
        <extracomment>%1 is SHA-256, SHA-512 or SHA-1; %4 the checksum list&apos;s file name or link</extracomment>
        <translation>Die %1-Prüfsumme der Datei ist %2, aber die Prüfsummenliste „%4“ erwartet %3. Der Download wurde als „%5“ behalten und nicht unter seinem endgültigen Namen gespeichert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checked against the checksum list “%1”: the file&apos;s %2 matches (%3).</source>
        <translation>Mit der Prüfsummenliste „%1“ geprüft: Die %2-Prüfsumme der Datei stimmt (%3).</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Every variant of the name “%1” is already taken in “%2”. Choose another folder.</source>
        <translation>Alle Varianten des Namens „%1“ sind in „%2“ bereits vergeben. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>The file&apos;s SHA-256 is %1, but the link list expects %2. The download was kept as “%3” and not given its final name.</source>
        <translation>Die SHA-256-Prüfsumme der Datei ist %1, die Linkliste erwartet aber %2. Der Download wurde als „%3“ behalten und nicht unter seinem endgültigen Namen gespeichert.</translation>
    </message>
</context>
<context>
    <name>Quiver::DroppedLinks</name>
    <message>
        <location filename="../src/gui/droppedlinks.cpp" line="+62"/>
        <source>%1 links from %2 are ready to add; there are too many to show them in the box.</source>
        <translation>%1 Links aus %2 können hinzugefügt werden; es sind zu viele, um sie im Feld anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>Quiver::EngineChooser</name>
    <message>
        <location filename="../src/gui/enginechooser.cpp" line="+25"/>
        <source>Run on</source>
        <translation>Ausführen auf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engines</source>
        <translation>Engines</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the daemon&apos;s own download folder</source>
        <translation>der eigene Download-Ordner des Daemons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder on the engine&apos;s machine</source>
        <translation>Ordner auf dem Rechner der Engine</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run on:</source>
        <translation>Ausführen auf:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Give the folder on %1 as a full path, such as /srv/downloads, or leave it empty for the daemon&apos;s own folder.</source>
        <translation>Geben Sie den Ordner auf %1 als vollständigen Pfad an, etwa /srv/downloads, oder lassen Sie das Feld leer für den eigenen Ordner des Daemons.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Folder on %1:</source>
        <translation>Ordner auf %1:</translation>
    </message>
</context>
<context>
    <name>Quiver::EngineRouter</name>
    <message>
        <location filename="../src/core/engine/enginerouter.cpp" line="+32"/>
        <source>The engine “%1” is not in Settings any more. Add it again under Settings → Engines, then retry.</source>
        <translation>Die Engine „%1“ ist nicht mehr in den Einstellungen. Fügen Sie sie unter Einstellungen → Engines wieder hinzu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>%1 stays on the engine “%2”, which is not in Settings any more. Delete it on that machine.</source>
        <translation>%1 bleibt auf der Engine „%2“, die nicht mehr in den Einstellungen ist. Löschen Sie sie auf jenem Rechner.</translation>
    </message>
</context>
<context>
    <name>Quiver::EnginesEditor</name>
    <message>
        <location filename="../src/gui/engineseditor.cpp" line="+28"/>
        <source>Give the engine a name, such as “NAS”.</source>
        <translation>Geben Sie der Engine einen Namen, etwa „NAS“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another engine has this name. Choose another.</source>
        <translation>Eine andere Engine hat diesen Namen. Wählen Sie einen anderen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The address must be aria2&apos;s RPC address, such as http://nas.local:6800/jsonrpc.</source>
        <translation>Die Adresse muss die RPC-Adresse von aria2 sein, etwa http://nas.local:6800/jsonrpc.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the secret token in its own field, not in the address.</source>
        <translation>Geben Sie das geheime Token in seinem eigenen Feld an, nicht in der Adresse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the secret token aria2 was started with (--rpc-secret).</source>
        <translation>Geben Sie das geheime Token an, mit dem aria2 gestartet wurde (--rpc-secret).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Engines</source>
        <translation>Engines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Downloads run on this computer, or on an aria2 daemon (a NAS, a server) you add here and choose when adding links.</source>
        <translation>Downloads laufen auf diesem Computer oder auf einem aria2-Daemon (einem NAS, einem Server), den Sie hier hinzufügen und beim Hinzufügen von Links wählen.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Add Engine</source>
        <translation>Engine hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit Engine</source>
        <translation>Engine bearbeiten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NAS</source>
        <translation>NAS</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>aria2&apos;s --rpc-secret</source>
        <translation>--rpc-secret von aria2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RPC address:</source>
        <translation>RPC-Adresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret token:</source>
        <translation>Geheimes Token:</translation>
    </message>
</context>
<context>
    <name>Quiver::FileRemover</name>
    <message>
        <location filename="../src/core/disk/fileremover.cpp" line="+25"/>
        <source>permission denied. Delete it yourself, or check the folder&apos;s permissions.</source>
        <translation>Zugriff verweigert. Löschen Sie sie selbst, oder prüfen Sie die Berechtigungen des Ordners.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the disk is read-only.</source>
        <translation>Der Datenträger ist schreibgeschützt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is a folder now, and Quiver deletes only the files it downloaded.</source>
        <translation>Dort ist jetzt ein Ordner, und Quiver löscht nur die Dateien, die es heruntergeladen hat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file is in use by the system. Try again later.</source>
        <translation>Die Datei wird vom System verwendet. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the disk reported an input/output error. Check the disk.</source>
        <translation>Der Datenträger meldete einen Ein-/Ausgabefehler. Prüfen Sie den Datenträger.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Quiver could not delete “%1” in “%2”: %3</source>
        <extracomment>%1 is the file, %2 its folder, %3 why (“permission denied. …”)</extracomment>
        <translation>Quiver konnte „%1“ in „%2“ nicht löschen: %3</translation>
    </message>
</context>
<context>
    <name>Quiver::HttpTransfer</name>
    <message>
        <location filename="../src/core/http/httptransfer.cpp" line="+132"/>
        <source>The server redirected to “%1”, which is not a web address. Quiver only follows http and https redirects.</source>
        <translation>Der Server leitet auf „%1“ weiter; das ist keine Webadresse. Quiver folgt nur Weiterleitungen auf http- und https-Adressen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The secure link redirects to an insecure address (%1). Quiver does not follow https links to http.</source>
        <translation>Der sichere Link leitet auf eine unsichere Adresse weiter (%1). Quiver folgt keinen Weiterleitungen von https auf http.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The connection was interrupted and re-opened mid-file. Quiver will continue from the bytes already saved.</source>
        <translation>Die Verbindung wurde mitten in der Datei unterbrochen und neu aufgebaut. Quiver setzt bei den bereits gespeicherten Bytes fort.</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>The server sent more data than it announced. Quiver kept only the announced %1 and will check the file again.</source>
        <translation>Der Server hat mehr Daten gesendet als angekündigt. Quiver hat nur die angekündigten %1 behalten und prüft die Datei erneut.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>No response from %1 within %2 s.</source>
        <translation>Keine Antwort von %1 innerhalb von %2 s.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No data for %1 s.</source>
        <translation>Seit %1 s keine Daten.</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>The link redirects too many times (more than %1); it probably loops. Check the link.</source>
        <translation>Der Link leitet zu oft weiter (mehr als %1-mal); vermutlich eine Endlosschleife. Prüfen Sie den Link.</translation>
    </message>
    <message>
        <location line="+233"/>
        <source>The connection ended after %1 of %2.</source>
        <translation>Die Verbindung endete nach %1 von %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server sent the file only up to %1 of %2.</source>
        <translation>Der Server hat die Datei nur bis %1 von %2 gesendet.</translation>
    </message>
</context>
<context>
    <name>Quiver::LinkChange</name>
    <message>
        <location filename="../src/core/queue/linkchange.cpp" line="+22"/>
        <source>The new link cannot be compared with the part already downloaded (no ETag or Last-Modified was recorded for it): starting over.</source>
        <translation>Der neue Link lässt sich nicht mit dem bereits heruntergeladenen Teil vergleichen (für diesen wurde weder ETag noch Last-Modified vermerkt): Der Download beginnt von vorn.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new link cannot be compared with the part already downloaded (its size was never known): starting over.</source>
        <translation>Der neue Link lässt sich nicht mit dem bereits heruntergeladenen Teil vergleichen (die Größe der Datei war nie bekannt): Der Download beginnt von vorn.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The new link serves a different file (other size): starting over.</source>
        <translation>Der neue Link liefert eine andere Datei (andere Größe): Der Download beginnt von vorn.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The new link does not identify its file (no ETag or Last-Modified), so it cannot be compared with the part already downloaded: starting over.</source>
        <translation>Der neue Link kennzeichnet seine Datei nicht (weder ETag noch Last-Modified) und lässt sich daher nicht mit dem bereits heruntergeladenen Teil vergleichen: Der Download beginnt von vorn.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new link serves a different file (other version): starting over.</source>
        <translation>Der neue Link liefert eine andere Datei (andere Version): Der Download beginnt von vorn.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new link does not say how large its file is, so it cannot be compared with the part already downloaded: starting over.</source>
        <translation>Der neue Link gibt die Größe seiner Datei nicht an und lässt sich daher nicht mit dem bereits heruntergeladenen Teil vergleichen: Der Download beginnt von vorn.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new link did not continue the part already downloaded: starting over.</source>
        <translation>Über den neuen Link ließ sich der bereits heruntergeladene Teil nicht fortsetzen: Der Download beginnt von vorn.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The new link serves the same file: continuing from %1.</source>
        <translation>Der neue Link liefert dieselbe Datei: Der Download wird ab %1 fortgesetzt.</translation>
    </message>
</context>
<context>
    <name>Quiver::LinkDrop</name>
    <message>
        <location filename="../src/gui/linkdrop.cpp" line="+56"/>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>“%1” is a folder, not a list of links.</source>
        <translation>„%1“ ist ein Ordner, keine Liste von Links.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” could not be read: the file does not exist.</source>
        <translation>„%1“ konnte nicht gelesen werden: Die Datei existiert nicht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not a regular file, so it was not read.</source>
        <translation>„%1“ ist keine reguläre Datei und wurde daher nicht gelesen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is too large to be a list of links (over 64 MiB).</source>
        <translation>„%1“ ist zu groß für eine Liste von Links (über 64 MiB).</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>“%1” could not be read: %2</source>
        <translation>„%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” looks like a binary file, not a list of links.</source>
        <translation>„%1“ scheint eine Binärdatei zu sein, keine Liste von Links.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>This link is also on line %1 of %2 with a different “%3”; that one is used.</source>
        <translation>Dieser Link steht auch in Zeile %1 von %2, dort mit einem anderen Wert für „%3“; es gilt der Wert von dort.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the dropped links</source>
        <translation>den abgelegten Links</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dropped text</source>
        <translation>Abgelegter Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+127"/>
        <source>the dropped text</source>
        <translation>dem abgelegten Text</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Pasted text</source>
        <translation>Eingefügter Text</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 files</source>
        <translation>%1 Dateien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the dropped link</source>
        <translation>dem abgelegten Link</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 dropped links</source>
        <translation>%1 abgelegten Links</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 dropped items</source>
        <translation>%1 abgelegten Elementen</translation>
    </message>
</context>
<context>
    <name>Quiver::LinksEdit</name>
    <message>
        <location filename="../src/gui/linksedit.cpp" line="+31"/>
        <source>Links to add</source>
        <translation>Hinzuzufügende Links</translation>
    </message>
</context>
<context>
    <name>Quiver::LinksParser</name>
    <message>
        <location filename="../src/core/links/linkcheck.cpp" line="+36"/>
        <source>“%1” is not a link: a link starts with http:// or https://.</source>
        <translation>„%1“ ist kein Link: Ein Link beginnt mit http:// oder https://.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a web link: only http and https links can be downloaded.</source>
        <translation>„%1“ ist kein Weblink: Nur http- und https-Links können heruntergeladen werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” contains invisible characters (such as NUL bytes, stray line breaks or zero-width spaces), so it is not a safe link.</source>
        <translation>„%1“ enthält unsichtbare Zeichen (etwa NUL-Bytes, verirrte Zeilenumbrüche oder Leerzeichen ohne Breite) und ist daher kein sicherer Link.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” contains characters that could not be read (the text is not valid UTF-8), so the link would be wrong.</source>
        <translation>„%1“ enthält Zeichen, die nicht gelesen werden konnten (der Text ist kein gültiges UTF-8); der Link wäre daher falsch.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” contains a space. Put each link on its own line, and write a space inside a link as %20.</source>
        <translation>„%1“ enthält ein Leerzeichen. Schreiben Sie jeden Link in eine eigene Zeile und ein Leerzeichen innerhalb eines Links als %20.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This link is %1 characters long; links longer than %2 characters are refused.</source>
        <extracomment>%1 is the link&apos;s length, %2 the limit</extracomment>
        <translation>Dieser Link ist %1 Zeichen lang; Links mit mehr als %2 Zeichen werden abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a valid link: it has characters or parts that a web address cannot contain.</source>
        <translation>„%1“ ist kein gültiger Link: Er enthält Zeichen oder Teile, die in einer Webadresse nicht vorkommen können.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” does not name a server, so there is nothing to download from.</source>
        <translation>„%1“ nennt keinen Server; es gibt also nichts, wovon heruntergeladen werden könnte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” has control characters hidden in its user name or password, so it is refused.</source>
        <translation>„%1“ enthält im Benutzernamen oder Passwort versteckte Steuerzeichen und wird daher abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” looks like an option, but options must be on the lines under their link, starting with a space or a tab.</source>
        <translation>„%1“ sieht wie eine Option aus, aber Optionen gehören in die Zeilen unter ihrem Link und beginnen mit einem Leerzeichen oder Tabulator.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This option has no link above it, so it was ignored. Put options on the lines just under their link, starting with a space or a tab.</source>
        <translation>Über dieser Option steht kein Link, daher wurde sie ignoriert. Schreiben Sie Optionen in die Zeilen direkt unter ihrem Link, beginnend mit einem Leerzeichen oder Tabulator.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This option was ignored because its link on line %1 could not be used.</source>
        <extracomment>%1 is a line number</extracomment>
        <translation>Diese Option wurde ignoriert, weil ihr Link in Zeile %1 nicht verwendet werden konnte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not an option: options are written as name=value, for example out=file.zip.</source>
        <translation>„%1“ ist keine Option: Optionen werden als Name=Wert geschrieben, zum Beispiel out=datei.zip.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown option “%1” was ignored: only out, dir, checksum and globbing are understood.</source>
        <translation>Die unbekannte Option „%1“ wurde ignoriert: Nur out, dir, checksum und globbing werden verstanden.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>“%1” is not a usable link pattern: %2 Write \[ or \{ for the character itself, or put the option line globbing=off under the link.</source>
        <extracomment>%1 is the link, %2 a sentence saying what is wrong with its pattern</extracomment>
        <translation>„%1“ ist kein verwendbares Linkmuster: %2 Schreiben Sie \[ oder \{ für das Zeichen selbst, oder setzen Sie die Optionszeile globbing=off unter den Link.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This pattern makes %1 links, more than the %2 one pattern may make. Split it into smaller ranges, or raise the limit: “Most links from one pattern” in the window&apos;s settings, --max-pattern-links for quiver-cli.</source>
        <extracomment>%1 is how many links the pattern makes, %2 the limit</extracomment>
        <translation>Dieses Muster ergibt %1 Links, mehr als die %2, die ein Muster ergeben darf. Teilen Sie es in kleinere Bereiche auf oder erhöhen Sie die Grenze: „Höchstzahl an Links pro Muster“ in den Einstellungen des Fensters, --max-pattern-links bei quiver-cli.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>The option “%1” has no value after “=”, so it was ignored.</source>
        <translation>Die Option „%1“ hat keinen Wert nach „=“ und wurde daher ignoriert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“dir=%1” points outside the download folder. Use a folder inside it, such as dir=music; the option was ignored.</source>
        <translation>„dir=%1“ zeigt aus dem Download-Ordner hinaus. Verwenden Sie einen Ordner darin, etwa dir=musik; die Option wurde ignoriert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The value of the option “%1” contains invisible characters or characters that could not be read, so it was ignored.</source>
        <translation>Der Wert der Option „%1“ enthält unsichtbare oder nicht lesbare Zeichen und wurde daher ignoriert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The option “%1” is given more than once for this link; only the first one is used.</source>
        <translation>Die Option „%1“ ist für diesen Link mehrfach angegeben; nur die erste wird verwendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This link already appeared on line %1 with a different “%2”; the first one is used.</source>
        <extracomment>%1 is a line number, %2 an option name (out, dir or checksum)</extracomment>
        <translation>Dieser Link stand bereits in Zeile %1, mit einem anderen Wert für „%2“; der erste Wert wird verwendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checksum type “%1” is not supported: only sha-256 can be checked. The link was not added, so it is not downloaded unverified.</source>
        <extracomment>%1 is a checksum type such as md5</extracomment>
        <translation>Der Prüfsummentyp „%1“ wird nicht unterstützt: Nur sha-256 kann geprüft werden. Der Link wurde nicht hinzugefügt, damit er nicht ungeprüft heruntergeladen wird.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a valid SHA-256 checksum: write it as checksum=sha-256= followed by 64 hexadecimal digits. The link was not added, so it is not downloaded unverified.</source>
        <translation>Dies ist keine gültige SHA-256-Prüfsumme: Schreiben Sie sie als checksum=sha-256= gefolgt von 64 Hexadezimalziffern. Der Link wurde nicht hinzugefügt, damit er nicht ungeprüft heruntergeladen wird.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This looks like a binary file, not a list of links.</source>
        <translation>Dies scheint eine Binärdatei zu sein, keine Liste von Links.</translation>
    </message>
    <message>
        <location filename="../src/core/links/linksparser.cpp" line="+264"/>
        <source>more than 18 billion billion</source>
        <translation>mehr als 18 Trillionen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This pattern makes %1 links, but the patterns above it already made nearly the %2 links one list may make from patterns. Add it in a list of its own.</source>
        <translation>Dieses Muster ergibt %1 Links, aber die Muster darüber haben schon fast die %2 Links ergeben, die eine Liste aus Mustern ergeben darf. Fügen Sie es in einer eigenen Liste hinzu.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The pattern makes %1 links; %2 of them had this problem.</source>
        <translation>Das Muster ergibt %1 Links; %2 davon hatten dieses Problem.</translation>
    </message>
</context>
<context>
    <name>Quiver::LinksSummary</name>
    <message>
        <location filename="../src/gui/linkssummary.cpp" line="+23"/>
        <source> · </source>
        <comment>separates the parts of the summary line</comment>
        <translation> · </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No links found</source>
        <translation>Keine Links gefunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 link found</source>
        <translation>1 Link gefunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 links found</source>
        <translation>%1 Links gefunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 made by a pattern</source>
        <translation>1 aus einem Muster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 made by patterns</source>
        <translation>%1 aus Mustern</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>1 line rejected</source>
        <translation>1 Zeile abgelehnt</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+13"/>
        <source>%1 lines rejected</source>
        <translation>%1 Zeilen abgelehnt</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>1 file not read</source>
        <translation>1 Datei nicht gelesen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 files not read</source>
        <translation>%1 Dateien nicht gelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>1 already in the queue</source>
        <translation>1 bereits in der Warteschlange</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+11"/>
        <source>%1 already in the queue</source>
        <translation>%1 bereits in der Warteschlange</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>1 link added to the queue</source>
        <translation>1 Link zur Warteschlange hinzugefügt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 links added to the queue</source>
        <translation>%1 Links zur Warteschlange hinzugefügt</translation>
    </message>
</context>
<context>
    <name>Quiver::MainWindow</name>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="+78"/>
        <source>Quiver</source>
        <translation>Quiver</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select All Downloads</source>
        <translation>Alle Downloads auswählen</translation>
    </message>
</context>
<context>
    <name>Quiver::PartFile</name>
    <message>
        <location filename="../src/core/disk/partfile.cpp" line="+43"/>
        <source>The disk is full</source>
        <translation>Der Datenträger ist voll</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Free some space, then Retry.</source>
        <translation>Geben Sie Speicherplatz frei und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is too large for this disk or for the file size limit (ulimit -f)</source>
        <translation>Die Datei ist zu groß für diesen Datenträger oder überschreitet die Dateigrößenbegrenzung (ulimit -f)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save it to another disk or raise the limit, then Retry.</source>
        <translation>Speichern Sie die Datei auf einem anderen Datenträger oder erhöhen Sie die Begrenzung, und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk reported an input/output error</source>
        <translation>Der Datenträger hat einen Ein-/Ausgabefehler gemeldet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check the disk, then Retry.</source>
        <translation>Prüfen Sie den Datenträger und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a folder you can write to, then Retry.</source>
        <translation>Wählen Sie einen Ordner, in den Sie schreiben dürfen, und dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk is read-only</source>
        <translation>Der Datenträger ist schreibgeschützt</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>Choose another folder, then Retry.</source>
        <translation>Wählen Sie einen anderen Ordner und dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>A symbolic link is in the way, and Quiver never writes through one</source>
        <translation>Eine symbolische Verknüpfung ist im Weg, und Quiver folgt beim Schreiben nie einer solchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the link, then Retry.</source>
        <translation>Entfernen Sie die Verknüpfung und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder does not exist (any more)</source>
        <translation>Der Ordner existiert nicht (mehr)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>Check the folder, then Retry.</source>
        <translation>Prüfen Sie den Ordner und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Part of the path is not a folder</source>
        <translation>Ein Teil des Pfads ist kein Ordner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A folder has that name</source>
        <translation>Es gibt einen Ordner mit diesem Namen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename or move the folder, then Retry.</source>
        <translation>Benennen Sie den Ordner um oder verschieben Sie ihn, und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The partial file has disappeared (another program moved or deleted it)</source>
        <translation>Die Teildatei ist verschwunden (ein anderes Programm hat sie verschoben oder gelöscht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry to download it again.</source>
        <translation>Wählen Sie „Erneut versuchen“, um sie noch einmal herunterzuladen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: Quiver could not %2 “%3” in “%4”. %5</source>
        <extracomment>%1 is why (“The disk is full”), %2 the action (“write to”), %3 the file, %4 its folder, %5 what to do</extracomment>
        <translation>%1: „%3“ im Ordner „%4“ konnte nicht %2 werden. %5</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Another program is writing “%1” in “%2” (another Quiver, or a second download of the same file). Quiver leaves it alone: let the other one finish or close it, then Retry.</source>
        <translation>Ein anderes Programm schreibt gerade „%1“ in „%2“ (ein anderes Quiver oder ein zweiter Download derselben Datei). Quiver lässt die Datei unangetastet: Lassen Sie das andere Programm fertig werden oder beenden Sie es, und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+14"/>
        <location line="+67"/>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+4"/>
        <source>open</source>
        <translation>geöffnet</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>prepare</source>
        <translation>vorbereitet</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+39"/>
        <source>write to</source>
        <translation>beschrieben</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>save</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>rename</source>
        <translation>umbenannt</translation>
    </message>
</context>
<context>
    <name>Quiver::PartWriter</name>
    <message>
        <location filename="../src/core/disk/partwriter.cpp" line="+220"/>
        <source>The partial file “%1” holds other bytes before byte %2 than the server sends now: the file changed on the server, or the partial file was damaged.</source>
        <translation>Die Teildatei „%1“ enthält vor Byte %2 andere Bytes, als der Server jetzt sendet: Die Datei hat sich auf dem Server geändert, oder die Teildatei wurde beschädigt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The end of the partial file “%1” differs from what the server sends now: the file changed on the server, or the partial file was damaged.</source>
        <translation>Das Ende der Teildatei „%1“ stimmt nicht mit dem überein, was der Server jetzt sendet: Die Datei hat sich auf dem Server geändert, oder die Teildatei wurde beschädigt.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>The partial file “%1” is shorter than recorded.</source>
        <translation>Die Teildatei „%1“ ist kürzer als vermerkt.</translation>
    </message>
</context>
<context>
    <name>Quiver::ProblemList</name>
    <message>
        <location filename="../src/gui/problemlist.cpp" line="-26"/>
        <source>Rejected lines</source>
        <translation>Abgelehnte Zeilen</translation>
    </message>
</context>
<context>
    <name>Quiver::ProgressDelegate</name>
    <message>
        <location filename="../src/gui/progressdelegate.cpp" line="+123"/>
        <location line="+12"/>
        <source>%1%</source>
        <comment>download progress in percent</comment>
        <translation>%1&#xa0;%</translation>
    </message>
</context>
<context>
    <name>Quiver::ProgressPrinter</name>
    <message>
        <location filename="../src/cli/progressprinter.cpp" line="+70"/>
        <source>Finished  %1  (%2)</source>
        <translation>Fertig    %1  (%2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Failed    %1: %2</source>
        <translation>Fehler    %1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Note      %1: %2</source>
        <translation>Hinweis   %1: %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>[%1/%2 done] %3 active, %4 failed, %5</source>
        <translation>[%1/%2 fertig] %3 aktiv, %4 fehlgeschlagen, %5</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Done: %1 of %2 finished, %3 failed; %4 in %5 s (%6).</source>
        <translation>Fertig: %1 von %2 abgeschlossen, %3 fehlgeschlagen; %4 in %5 s (%6).</translation>
    </message>
</context>
<context>
    <name>Quiver::QueueFiles</name>
    <message>
        <location filename="../src/gui/queuefiles.cpp" line="+39"/>
        <location line="+21"/>
        <source>Export Links</source>
        <translation>Links exportieren</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Links files (*.txt);;All files (*)</source>
        <translation>Linkdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>1 link exported to “%1”.</source>
        <translation>1 Link nach „%1“ exportiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 links exported to “%2”.</source>
        <translation>%1 Links nach „%2“ exportiert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write “%1”: %2. Choose another place.</source>
        <translation>„%1“ kann nicht geschrieben werden: %2. Wählen Sie einen anderen Ort.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import Links</source>
        <translation>Links importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links files (*.txt *.list);;All files (*)</source>
        <translation>Linkdateien (*.txt *.list);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>“%1” cannot be fetched as a checksum list: %2</source>
        <translation>„%1“ kann nicht als Prüfsummenliste abgerufen werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“%1” is neither a file nor an http or https link, so it was not read as a checksum list.</source>
        <translation>„%1“ ist weder eine Datei noch ein http- oder https-Link und wurde daher nicht als Prüfsummenliste gelesen.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>it is a folder</source>
        <translation>es ist ein Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read the checksum list “%1”: %2. Choose the file again.</source>
        <translation>Die Prüfsummenliste „%1“ kann nicht gelesen werden: %2. Wählen Sie die Datei erneut.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fetching the checksum list %1…</source>
        <translation>Prüfsummenliste %1 wird abgerufen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The checksum list could not be fetched, so nothing is checked against it. %1</source>
        <translation>Die Prüfsummenliste konnte nicht abgerufen werden, daher wird nichts mit ihr geprüft. %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+17"/>
        <source>Open Checksum List</source>
        <translation>Prüfsummenliste öffnen</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The checksum list “%1” checks 1 file name: a download of that name is checked before it finishes.</source>
        <translation>Die Prüfsummenliste „%1“ prüft 1 Dateinamen: Ein Download dieses Namens wird vor dem Abschluss geprüft.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The checksum list “%1” checks %2 file names: downloads of those names are checked before they finish.</source>
        <translation>Die Prüfsummenliste „%1“ prüft %2 Dateinamen: Downloads dieser Namen werden vor dem Abschluss geprüft.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>Quiver::QueueSummary</name>
    <message>
        <location filename="../src/gui/queuesummary.cpp" line="+50"/>
        <source>%L1 active · %L2 queued · %L3 finished · %L4 failed</source>
        <translation>%L1 aktiv · %L2 wartend · %L3 fertig · %L4 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No downloads</source>
        <translation>Keine Downloads</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%L1 of %L2 finished</source>
        <translation>%L1 von %L2 fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloading %L1 of %L2 · %3 · %4</source>
        <translation>Lädt %L1 von %L2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>Quiver::QueueTableModel</name>
    <message>
        <location filename="../src/gui/queuetablemodel.cpp" line="+125"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 unreachable, retrying in %2</source>
        <comment>an engine&apos;s name, then a time</comment>
        <translation>%1 nicht erreichbar, neuer Versuch in %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retrying in %1 (attempt %2 of %3)</source>
        <translation>Versuch %2 von %3 in %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not started</source>
        <comment>a queued download waiting for Start</comment>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 — %2</source>
        <comment>a download&apos;s state, then a note about it</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA</source>
        <comment>time left</comment>
        <translation>Restzeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <comment>the engine a download runs on</comment>
        <translation>Wo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
</context>
<context>
    <name>Quiver::RateLimitToggle</name>
    <message>
        <location filename="../src/gui/ratelimittoggle.cpp" line="+27"/>
        <source>Limit %1</source>
        <translation>Grenze %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloads on this computer together receive at most %1 (remote engines keep their own limits). Click to lift the limit.</source>
        <translation>Die Downloads auf diesem Computer empfangen zusammen höchstens %1 (entfernte Engines behalten ihre eigenen Grenzen). Klicken, um die Grenze aufzuheben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click to limit this computer’s downloads together to %1 (set the rate in Settings; remote engines keep their own limits).</source>
        <translation>Klicken, um die Downloads dieses Computers zusammen auf %1 zu begrenzen (die Rate wird in den Einstellungen festgelegt; entfernte Engines behalten ihre eigenen Grenzen).</translation>
    </message>
</context>
<context>
    <name>Quiver::ReplyError</name>
    <message>
        <location filename="../src/core/http/replyerror.cpp" line="+29"/>
        <source>%1 refused the connection. The server may be down.</source>
        <translation>%1 hat die Verbindung abgelehnt. Der Server ist möglicherweise nicht in Betrieb.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server closed the connection after %1.</source>
        <translation>Der Server hat die Verbindung nach %1 geschlossen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not find the server %1. Check the link and your connection.</source>
        <translation>Der Server %1 wurde nicht gefunden. Prüfen Sie den Link und Ihre Internetverbindung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The connection to %1 timed out.</source>
        <translation>Zeitüberschreitung bei der Verbindung zu %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The link redirects too many times (more than %1); it probably loops. Check the link.</source>
        <translation>Der Link leitet zu oft weiter (mehr als %1-mal); vermutlich eine Endlosschleife. Prüfen Sie den Link.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The secure link redirects to an insecure address. Quiver does not follow https links to http.</source>
        <translation>Der sichere Link leitet auf eine unsichere Adresse weiter. Quiver folgt keinen Weiterleitungen von https auf http.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The link leads to an address Quiver cannot download from: only http and https work.</source>
        <translation>Der Link führt zu einer Adresse, von der Quiver nicht herunterladen kann: Nur http und https werden unterstützt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The secure connection to %1 failed: %2. Quiver does not download from a server it cannot verify.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2. Quiver lädt nicht von einem Server herunter, dessen Identität es nicht prüfen kann.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The download from %1 was interrupted: %2.</source>
        <translation>Der Download von %1 wurde unterbrochen: %2.</translation>
    </message>
</context>
<context>
    <name>Quiver::ResponseJudge</name>
    <message>
        <location filename="../src/core/http/responsejudge.cpp" line="+23"/>
        <source>The server cannot continue the partial download (%1), so the next attempt starts from the beginning.</source>
        <translation>Der Server kann den unvollständigen Download nicht fortsetzen (%1), daher beginnt der nächste Versuch von vorn.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>its answer has no valid Content-Range</source>
        <translation>seine Antwort hat keinen gültigen Content-Range</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it sent bytes from %1 when asked for %2</source>
        <translation>er sendete Bytes ab %1, angefragt war %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it sent the part in a form that cannot be appended</source>
        <translation>er sendete den Teil in einer Form, die sich nicht anhängen lässt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the file on the server changed size</source>
        <translation>die Datei auf dem Server hat ihre Größe geändert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it gives neither a validator nor the file&apos;s size to check the part against</source>
        <translation>er liefert weder einen Validator noch die Dateigröße, um den Teil damit zu prüfen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the file on the server is now smaller than the part already downloaded</source>
        <translation>die Datei auf dem Server ist jetzt kleiner als der bereits heruntergeladene Teil</translation>
    </message>
</context>
<context>
    <name>Quiver::RetryPolicy</name>
    <message>
        <location filename="../src/core/queue/retrypolicy.cpp" line="+81"/>
        <source>Gave up after one attempt; Retry continues from the bytes already saved.</source>
        <translation>Nach einem Versuch aufgegeben; „Erneut versuchen“ setzt bei den bereits gespeicherten Bytes fort.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gave up after %1 attempts; Retry continues from the bytes already saved.</source>
        <translation>Nach %1 Versuchen aufgegeben; „Erneut versuchen“ setzt bei den bereits gespeicherten Bytes fort.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server asked to wait %1 s before trying again, longer than the limit of %2 s. Retry later.</source>
        <translation>Der Server bat, vor einem neuen Versuch %1 s zu warten – länger als das Limit von %2 s. Versuchen Sie es später erneut.</translation>
    </message>
</context>
<context>
    <name>Quiver::Scheduler</name>
    <message>
        <location filename="../src/core/queue/scheduler.cpp" line="+300"/>
        <source>The download finished from its old link before the new link could be used. The file is complete; the new link was not needed.</source>
        <translation>Der Download war über den alten Link fertig, bevor der neue Link verwendet werden konnte. Die Datei ist vollständig; der neue Link wurde nicht gebraucht.</translation>
    </message>
</context>
<context>
    <name>Quiver::SegmentBar</name>
    <message>
        <location filename="../src/gui/segmentbar.cpp" line="+27"/>
        <source>Segment map</source>
        <translation>Segmentkarte</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Being fetched (1 connection)</source>
        <translation>Wird geladen (1 Verbindung)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being fetched (%1 connections)</source>
        <translation>Wird geladen (%1 Verbindungen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No connection is at work.</source>
        <translation>Keine Verbindung ist aktiv.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 connection is at work.</source>
        <translation>1 Verbindung ist aktiv.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 connections are at work.</source>
        <translation>%1 Verbindungen sind aktiv.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received: %1 of %2
Being fetched: %3
Waiting for a connection: %4
%5</source>
        <translation>Empfangen: %1 von %2
Wird geladen: %3
Wartet auf eine Verbindung: %4
%5</translation>
    </message>
</context>
<context>
    <name>Quiver::SegmentStream</name>
    <message>
        <location filename="../src/core/http/segmentstream.cpp" line="+85"/>
        <source>the file&apos;s size changed from %1 to %2</source>
        <translation>die Größe der Datei hat sich von %1 auf %2 geändert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file changed on the server (its ETag or date is not the same)</source>
        <translation>die Datei hat sich auf dem Server geändert (ihr ETag oder Datum ist nicht mehr dasselbe)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it answered a request for bytes %1 to %2 with “%3”</source>
        <translation>er beantwortete eine Anfrage nach den Bytes %1 bis %2 mit „%3“</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>it sent the whole file (HTTP %1) instead of the range asked for</source>
        <translation>er schickte die ganze Datei (HTTP %1) statt des angefragten Bereichs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it compressed a range</source>
        <translation>er schickte einen Bereich komprimiert</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>No data for %1 s.</source>
        <translation>Seit %1 s keine Daten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No response from %1 within %2 s.</source>
        <translation>Keine Antwort von %1 innerhalb von %2 s.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The connection ended at byte %1 of a range that ends at %2.</source>
        <translation>Die Verbindung endete bei Byte %1 eines Bereichs, der bei %2 endet.</translation>
    </message>
</context>
<context>
    <name>Quiver::SegmentedTransfer</name>
    <message>
        <location filename="../src/core/http/segmentedtransfer.cpp" line="+539"/>
        <source>The server stopped serving this file in pieces (%1). Quiver continues with one connection.</source>
        <translation>Der Server liefert diese Datei nicht mehr in Teilen (%1). Quiver lädt mit einer Verbindung weiter.</translation>
    </message>
</context>
<context>
    <name>Quiver::SelectionCommands</name>
    <message>
        <location filename="../src/gui/selectioncommands.cpp" line="+34"/>
        <source>Remove downloads</source>
        <translation>Downloads entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this download from the list?</source>
        <translation>Diesen Download aus der Liste entfernen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 downloads from the list?</source>
        <translation>%1 Downloads aus der Liste entfernen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished files can stay on disk or be deleted.</source>
        <translation>Fertige Dateien können auf dem Datenträger bleiben oder gelöscht werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly downloaded data can stay on disk or be deleted.</source>
        <translation>Teilweise heruntergeladene Daten können auf dem Datenträger bleiben oder gelöscht werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove from List</source>
        <translation>Aus Liste entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove and Delete Files</source>
        <translation>Entfernen und Dateien löschen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Files not deleted</source>
        <translation>Dateien nicht gelöscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some files you asked to delete are still on the disk.</source>
        <translation>Einige Dateien, die gelöscht werden sollten, sind noch auf dem Datenträger.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Limit Speed</source>
        <translation>Geschwindigkeit begrenzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most this download may receive per second (0: no limit of its own):</source>
        <translation>Höchstens so viel darf dieser Download pro Sekunde empfangen (0: keine eigene Grenze):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most each of the selected downloads may receive per second (0: no limit of their own):</source>
        <translation>Höchstens so viel darf jeder der ausgewählten Downloads pro Sekunde empfangen (0: keine eigene Grenze):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections this download may use at once:</source>
        <translation>Verbindungen, die dieser Download gleichzeitig nutzen darf:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections each of the selected downloads may use at once:</source>
        <translation>Verbindungen, die jeder der ausgewählten Downloads gleichzeitig nutzen darf:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>As in Settings (1 connection)</source>
        <translation>Wie in den Einstellungen (1 Verbindung)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As in Settings (%1 connections)</source>
        <translation>Wie in den Einstellungen (%1 Verbindungen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiver uses several connections only when the server sends the file in pieces and enough of it is left (at least 1 MiB per connection). A running download takes the new number at once and keeps every byte it has.</source>
        <translation>Quiver nutzt mehrere Verbindungen nur, wenn der Server die Datei in Stücken liefert und genug davon übrig ist (mindestens 1 MiB je Verbindung). Ein laufender Download übernimmt die neue Zahl sofort und behält jedes Byte, das er schon hat.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This link is already in the queue as another download. Remove that one first, or give this download another link.</source>
        <translation>Dieser Link gehört bereits zu einem anderen Download in der Warteschlange. Entfernen Sie zuerst jenen oder geben Sie hier einen anderen Link an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The link was not changed: the download finished in the meantime.</source>
        <translation>Der Link wurde nicht geändert: Der Download ist inzwischen fertig.</translation>
    </message>
</context>
<context>
    <name>Quiver::SessionFormat</name>
    <message>
        <location filename="../src/core/session/sessionformat.cpp" line="+128"/>
        <source>its file name is not a plain file name</source>
        <translation>sein Dateiname ist kein einfacher Dateiname</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the name of its checksum list is not valid</source>
        <translation>der Name seiner Prüfsummenliste ist ungültig</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it has more than one checksum</source>
        <translation>er hat mehr als eine Prüfsumme</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it has no checksum</source>
        <translation>er hat keine Prüfsumme</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its checksum is not a digest in hex</source>
        <translation>seine Prüfsumme ist kein hexadezimaler Hashwert</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>its link is not a valid http or https link</source>
        <translation>sein Link ist kein gültiger http- oder https-Link</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the link its partial file came from is not valid</source>
        <translation>der Link, von dem seine Teildatei stammt, ist ungültig</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>its engine&apos;s name is not valid</source>
        <translation>der Name seiner Engine ist ungültig</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>its folder is not an absolute path</source>
        <translation>sein Ordner ist kein absoluter Pfad</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>its file name is not a safe name inside its folder</source>
        <translation>sein Dateiname ist kein sicherer Name innerhalb seines Ordners</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>its state is unknown</source>
        <translation>sein Zustand ist unbekannt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its run/pause setting is unknown</source>
        <translation>seine Start/Pause-Einstellung ist unbekannt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its sizes are not whole numbers of bytes</source>
        <translation>seine Größen sind keine ganzen Byte-Zahlen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its attempt count is not a sensible number</source>
        <translation>seine Anzahl der Versuche ist keine sinnvolle Zahl</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>its validators are not valid header values</source>
        <translation>seine Validatoren sind keine gültigen Header-Werte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its checksum is not a SHA-256 in hex</source>
        <translation>seine Prüfsumme ist kein hexadezimaler SHA-256-Wert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>its rate limit is not a whole number of bytes per second</source>
        <translation>seine Ratenbegrenzung ist keine ganze Zahl von Bytes pro Sekunde</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>its own number of connections is not a whole number up to 16</source>
        <translation>seine eigene Zahl der Verbindungen ist keine ganze Zahl bis 16</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its engine&apos;s record is not valid</source>
        <translation>sein Eintrag für die Download-Engine ist ungültig</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>it has an unknown format version (%1); it may come from a newer Quiver</source>
        <translation>sie hat eine unbekannte Formatversion (%1); vielleicht stammt sie von einer neueren Quiver-Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it has no list of items</source>
        <translation>sie enthält keine Liste von Einträgen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>it is damaged or cut short (%1)</source>
        <translation>sie ist beschädigt oder abgeschnitten (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is empty</source>
        <translation>sie ist leer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>it is not a Quiver session (%1)</source>
        <translation>sie ist keine Quiver-Sitzung (%1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Skipped item %1 (%2): %3.</source>
        <translation>Eintrag %1 (%2) übersprungen: %3.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no link</source>
        <translation>kein Link</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Skipped checksum %1: %2.</source>
        <translation>Prüfsummeneintrag %1 übersprungen: %2.</translation>
    </message>
</context>
<context>
    <name>Quiver::SessionLock</name>
    <message>
        <location filename="../src/core/session/sessionlock.cpp" line="+44"/>
        <source>Quiver cannot lock the queue file “%1”: it may not create “%2” there. Choose a folder you can write to.</source>
        <translation>Quiver kann die Warteschlangendatei „%1“ nicht sperren: Es darf dort „%2“ nicht anlegen. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Quiver cannot lock the queue file “%1”: “%2” could not be created (is the disk full?).</source>
        <translation>Quiver kann die Warteschlangendatei „%1“ nicht sperren: „%2“ konnte nicht angelegt werden (ist der Datenträger voll?).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quiver cannot lock the queue file “%1”: the folder “%2” does not exist.</source>
        <translation>Quiver kann die Warteschlangendatei „%1“ nicht sperren: Der Ordner „%2“ existiert nicht.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The queue file “%1” is in use by another program. Only one program at a time may work on a queue: wait for it to end, or use another file.</source>
        <translation>Die Warteschlangendatei „%1“ wird von einem anderen Programm benutzt. Eine Warteschlange kann immer nur ein Programm bearbeiten: Warten Sie, bis es endet, oder verwenden Sie eine andere Datei.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>another program</source>
        <translation>einem anderen Programm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>process %1</source>
        <translation>Prozess %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>process %1 on %2</source>
        <translation>Prozess %1 auf %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The queue file “%1” is in use by %2 (%3). Only one program at a time may work on a queue: wait for it to end, or use another file.</source>
        <extracomment>%1 the queue file, %2 the program&apos;s name (&quot;quiver-cli&quot;), %3 &quot;process 1234&quot; or &quot;process 1234 on HOST&quot;</extracomment>
        <translation>Die Warteschlangendatei „%1“ wird von %2 benutzt (%3). Eine Warteschlange kann immer nur ein Programm bearbeiten: Warten Sie, bis es endet, oder verwenden Sie eine andere Datei.</translation>
    </message>
</context>
<context>
    <name>Quiver::SessionStore</name>
    <message>
        <location filename="../src/core/session/sessionstore.cpp" line="+232"/>
        <location line="+38"/>
        <source>The session file “%1” could not be read, so it is not overwritten.</source>
        <translation>Die Sitzungsdatei „%1“ konnte nicht gelesen werden und wird daher nicht überschrieben.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The damaged session file “%1” could not be moved aside, so the queue will not be saved until it is moved or deleted.</source>
        <translation>Die beschädigte Sitzungsdatei „%1“ konnte nicht beiseitegelegt werden; die Warteschlange wird erst wieder gespeichert, wenn die Datei verschoben oder gelöscht ist.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not read the session file “%1”: %2.</source>
        <translation>Die Sitzungsdatei „%1“ konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source> It was kept as “%1”.</source>
        <translation> Sie wurde als „%1“ aufbewahrt.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The session file “%1” could not be read in full: %2. %n item(s) recovered.%3</source>
        <translation>
            <numerusform>Die Sitzungsdatei „%1“ konnte nicht vollständig gelesen werden: %2. %n Eintrag wiederhergestellt.%3</numerusform>
            <numerusform>Die Sitzungsdatei „%1“ konnte nicht vollständig gelesen werden: %2. %n Einträge wiederhergestellt.%3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Quiver::SessionWriter</name>
    <message>
        <location filename="../src/core/session/sessionwriter.cpp" line="+260"/>
        <source>Could not save the session to “%1”: %2.</source>
        <translation>Die Sitzung konnte nicht in „%1“ gespeichert werden: %2.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>another program changed the file while it was open; the whole queue is written again</source>
        <translation>ein anderes Programm hat die Datei geändert, während sie geöffnet war; die ganze Warteschlange wird neu geschrieben</translation>
    </message>
</context>
<context>
    <name>Quiver::SettingsDialog</name>
    <message>
        <location filename="../src/gui/settingsdialog.cpp" line="+78"/>
        <source>Engines</source>
        <translation>Engines</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Choose a folder for the downloads.</source>
        <translation>Wählen Sie einen Ordner für die Downloads.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Choose Download Folder</source>
        <translation>Download-Ordner wählen</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>This is a file, not a folder.</source>
        <translation>Dies ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This folder could not be created.</source>
        <translation>Dieser Ordner konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quiver cannot save files in this folder.</source>
        <translation>Quiver kann in diesem Ordner keine Dateien speichern.</translation>
    </message>
</context>
<context>
    <name>Quiver::SingleInstance</name>
    <message>
        <location filename="../src/gui/singleinstance.cpp" line="+65"/>
        <source>Another Quiver is starting and has not finished within %1 seconds. Try again.</source>
        <translation>Ein anderes Quiver startet gerade und ist nach %1 Sekunden noch nicht fertig. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Quiver is running but could not be reached: %1</source>
        <translation>Quiver läuft bereits, ist aber nicht erreichbar: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Quiver is running but did not take the links (it may be busy, or another version). Add them in its window.</source>
        <translation>Quiver läuft bereits, hat die Links aber nicht angenommen (es ist vielleicht beschäftigt oder eine andere Version). Fügen Sie sie in seinem Fenster hinzu.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Other launches of Quiver will open windows of their own: %1</source>
        <translation>Weitere Aufrufe von Quiver öffnen eigene Fenster: %1</translation>
    </message>
</context>
<context>
    <name>Quiver::SmallFetch</name>
    <message>
        <location filename="../src/core/http/smallfetch.cpp" line="+60"/>
        <source>%1 is larger than %2, so it was not read.</source>
        <translation>%1 ist größer als %2 und wurde daher nicht gelesen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 could not be fetched: %2.</source>
        <translation>%1 konnte nicht abgerufen werden: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 could not be fetched: the server answered %2.</source>
        <translation>%1 konnte nicht abgerufen werden: Der Server antwortete %2.</translation>
    </message>
</context>
<context>
    <name>Quiver::SpeedGraph</name>
    <message>
        <location filename="../src/gui/speedgraph.cpp" line="+19"/>
        <source>Download speed graph</source>
        <translation>Diagramm der Download-Geschwindigkeit</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Download speed: %1
Highest in the last minute: %2</source>
        <translation>Download-Geschwindigkeit: %1
Höchstwert der letzten Minute: %2</translation>
    </message>
</context>
<context>
    <name>Quiver::TargetFolder</name>
    <message>
        <location filename="../src/core/disk/targetfolder.cpp" line="+26"/>
        <source>The disk is full: Quiver could not create the folder “%1”. Free some space, then Retry.</source>
        <translation>Der Datenträger ist voll: Quiver konnte den Ordner „%1“ nicht anlegen. Geben Sie Speicherplatz frei und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk is read-only: Quiver could not create the folder “%1”. Choose another folder, then Retry.</source>
        <translation>Der Datenträger ist schreibgeschützt: Quiver konnte den Ordner „%1“ nicht anlegen. Wählen Sie einen anderen Ordner und dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Permission denied: Quiver could not create the folder “%1”. Choose a folder you can write to, then Retry.</source>
        <translation>Zugriff verweigert: Quiver konnte den Ordner „%1“ nicht anlegen. Wählen Sie einen Ordner, in den Sie schreiben dürfen, und dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quiver could not create the folder “%1”: %2. Check the path, then Retry.</source>
        <translation>Quiver konnte den Ordner „%1“ nicht anlegen: %2. Prüfen Sie den Pfad und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” is a file, not a folder, so nothing can be saved in it. Choose another folder, or move the file away, then Retry.</source>
        <translation>„%1“ ist eine Datei, kein Ordner, daher kann darin nichts gespeichert werden. Wählen Sie einen anderen Ordner oder verschieben Sie die Datei an einen anderen Ort; wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is a file, not a folder, so the folder “%2” cannot be created in it. Choose another folder, or move the file away, then Retry.</source>
        <translation>„%1“ ist eine Datei, kein Ordner, daher kann der Ordner „%2“ darin nicht angelegt werden. Wählen Sie einen anderen Ordner oder verschieben Sie die Datei an einen anderen Ort; wählen Sie dann „Erneut versuchen“.</translation>
    </message>
</context>
<context>
    <name>Quiver::TransferError</name>
    <message>
        <location filename="../src/core/queue/transfererror.cpp" line="+48"/>
        <source>Server answered %1</source>
        <translation>Der Server antwortete mit %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server answered %1 %2</source>
        <translation>Der Server antwortete mit %1 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the server did not understand the request. Check the link.</source>
        <translation>Der Server hat die Anfrage nicht verstanden. Prüfen Sie den Link.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file needs a login. Add the credentials or use another link.</source>
        <translation>Die Datei erfordert eine Anmeldung. Geben Sie Zugangsdaten an oder verwenden Sie einen anderen Link.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server refuses to give out this file. The link may have expired; get a new one.</source>
        <translation>Der Server verweigert den Zugriff auf diese Datei. Der Link ist vielleicht abgelaufen; besorgen Sie sich einen neuen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is not there. Check the link.</source>
        <translation>Die Datei ist nicht vorhanden. Prüfen Sie den Link.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server gave up waiting for the request.</source>
        <translation>Der Server hat nicht länger auf die Anfrage gewartet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file was removed for good. Look for another source.</source>
        <translation>Die Datei wurde endgültig entfernt. Suchen Sie nach einer anderen Quelle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server cannot serve the part Quiver asked for.</source>
        <translation>Der Server kann den von Quiver angefragten Teil nicht liefern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too many requests. Fewer parallel downloads per host may help.</source>
        <translation>Zu viele Anfragen. Weniger gleichzeitige Downloads pro Host können helfen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server had an internal error.</source>
        <translation>Auf dem Server ist ein interner Fehler aufgetreten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a gateway between you and the server failed.</source>
        <translation>Ein Gateway zwischen Ihnen und dem Server ist ausgefallen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server is overloaded or down for maintenance.</source>
        <translation>Der Server ist überlastet oder wegen Wartungsarbeiten nicht erreichbar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server failed.</source>
        <translation>Auf dem Server ist ein Fehler aufgetreten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the request was refused. Check the link.</source>
        <translation>Die Anfrage wurde abgelehnt. Prüfen Sie den Link.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this is not a file Quiver can download.</source>
        <translation>Dies ist keine Datei, die Quiver herunterladen kann.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <comment>the server&apos;s answer, then what it means</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Quiver::Units</name>
    <message>
        <location filename="../src/core/util/units.cpp" line="+29"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TiB</source>
        <translation>TiB</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 / %2</source>
        <extracomment>%1 is received, %2 the total with its unit (&quot;80.0 MiB&quot;)</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1%</source>
        <comment>a percentage</comment>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>Quiver::UrlPattern</name>
    <message>
        <location filename="../src/core/links/urlpattern.cpp" line="+85"/>
        <source>The “[” at character %1 is never closed with “]”.</source>
        <translation>Das „[“ an Zeichen %1 wird nie mit „]“ geschlossen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The range at character %1 holds another pattern: ranges and lists cannot be nested.</source>
        <translation>Der Bereich an Zeichen %1 enthält ein weiteres Muster: Bereiche und Listen können nicht verschachtelt werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+37"/>
        <source>This link has more than %1 ranges and lists.</source>
        <translation>Dieser Link hat mehr als %1 Bereiche und Listen.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The list at character %1 holds another pattern: ranges and lists cannot be nested.</source>
        <translation>Die Liste an Zeichen %1 enthält ein weiteres Muster: Bereiche und Listen können nicht verschachtelt werden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The “{” at character %1 is never closed with “}”.</source>
        <translation>Das „{“ an Zeichen %1 wird nie mit „}“ geschlossen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The “%1” at character %2 closes nothing.</source>
        <translation>Das „%1“ an Zeichen %2 schließt nichts.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The range at character %1 has a number longer than %2 digits.</source>
        <translation>Der Bereich an Zeichen %1 hat eine Zahl mit mehr als %2 Ziffern.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The range “[%1]” at character %2 is not a range: write it as [1-20], [001-120], [0-100:10] or [a-f].</source>
        <translation>„[%1]“ an Zeichen %2 ist kein Bereich: Schreiben Sie ihn als [1-20], [001-120], [0-100:10] oder [a-f].</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The step of the range at character %1 must be a whole number greater than 0.</source>
        <translation>Die Schrittweite des Bereichs an Zeichen %1 muss eine ganze Zahl größer als 0 sein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The range at character %1 runs backwards: write the smaller end first.</source>
        <translation>Der Bereich an Zeichen %1 läuft rückwärts: Schreiben Sie das kleinere Ende zuerst.</translation>
    </message>
</context>
<context>
    <name>Quiver::WindowActions</name>
    <message>
        <location filename="../src/gui/windowactions.cpp" line="+57"/>
        <source>&amp;Paste Links</source>
        <translation>&amp;Links einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;try</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hange Link…</source>
        <translation>Link ä&amp;ndern…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit &amp;Speed…</source>
        <translation>&amp;Geschwindigkeit begrenzen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;nnections…</source>
        <translation>Ver&amp;bindungen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;Link</source>
        <translation>&amp;Link kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open File</source>
        <translation>&amp;Datei öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Containing &amp;Folder</source>
        <translation>Enthaltenden &amp;Ordner öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start All</source>
        <translation>Alle starten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+Return</source>
        <translation>Ctrl+Shift+Return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause All</source>
        <translation>Alle pausieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry Failed</source>
        <translation>Fehlgeschlagene erneut versuchen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear Finished</source>
        <translation>Fertige entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Links…</source>
        <translation>Links &amp;importieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport Links…</source>
        <translation>Links e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Checksum List…</source>
        <translation>&amp;Prüfsummenliste öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check downloads against a SHA256SUMS-style list, a file or a link to one, before they finish</source>
        <translation>Downloads vor dem Abschluss mit einer Liste wie SHA256SUMS prüfen, aus einer Datei oder über einen Link</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ettings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start the selected downloads; with none selected, download the links in the box</source>
        <translation>Die ausgewählten Downloads starten; ist keiner ausgewählt, die Links im Feld herunterladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start every download that is waiting or paused, and the links in the box</source>
        <translation>Alle wartenden und pausierten Downloads starten, dazu die Links im Feld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try every failed download again</source>
        <translation>Alle fehlgeschlagenen Downloads erneut versuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the selected download a new link, for example when the old one expired</source>
        <translation>Einen neuen Link für den ausgewählten Download angeben, zum Beispiel wenn der alte abgelaufen ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit how fast the selected downloads may go, on this computer or on their remote engine, on top of the limit for all of this computer’s downloads</source>
        <translation>Begrenzen, wie schnell die ausgewählten Downloads sein dürfen, auf diesem Computer oder auf ihrer entfernten Engine, zusätzlich zur Grenze für alle Downloads dieses Computers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set how many connections the selected downloads may use, instead of the number in Settings</source>
        <translation>Festlegen, wie viele Verbindungen die ausgewählten Downloads nutzen dürfen, statt der Zahl aus den Einstellungen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Downloads</source>
        <translation>D&amp;ownloads</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>More Actions</source>
        <translation>Weitere Aktionen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More Menus</source>
        <translation>Weitere Menüs</translation>
    </message>
</context>
<context>
    <name>Quiver::WindowCommandLine</name>
    <message>
        <location filename="../src/gui/windowcommandline.cpp" line="+59"/>
        <source>Downloads many files at once, resuming and retrying until each one is complete and correct. Links and files of links given here are downloaded in the Quiver window; when it is open already, they are handed to it.</source>
        <translation>Lädt viele Dateien gleichzeitig herunter und setzt fort und wiederholt, bis jede vollständig und richtig ist. Hier angegebene Links und Linkdateien werden im Quiver-Fenster heruntergeladen; ist es schon geöffnet, werden sie ihm übergeben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>URL|FILE</source>
        <translation>URL|DATEI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Links to download, or files that list them.</source>
        <translation>Herunterzuladende Links oder Dateien, die sie auflisten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[URL|FILE...]</source>
        <translation>[URL|DATEI...]</translation>
    </message>
</context>
<context>
    <name>Quiver::WindowSession</name>
    <message>
        <location filename="../src/gui/windowsession.cpp" line="+32"/>
        <source>Could not save the queue: %1</source>
        <translation>Die Warteschlange konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The queue is not saved: %1</source>
        <translation>Die Warteschlange wird nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue in use</source>
        <translation>Warteschlange in Benutzung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This window neither restores nor saves the queue.</source>
        <translation>Dieses Fenster stellt die Warteschlange weder wieder her noch speichert es sie.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Queue restored with problems</source>
        <translation>Warteschlange mit Problemen wiederhergestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The saved queue could not be read.</source>
        <translation>Die gespeicherte Warteschlange konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some downloads of the saved queue could not be read.</source>
        <translation>Einige Downloads der gespeicherten Warteschlange konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The damaged file was kept as %1.</source>
        <translation>Die beschädigte Datei wurde als %1 aufbewahrt.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2) from %3</source>
        <extracomment>%1 the .part file, %2 how much it holds, %3 the link it came from</extracomment>
        <translation>%1 (%2) von %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unfinished downloads found</source>
        <translation>Unfertige Downloads gefunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quiver found an unfinished download that is not in the list.</source>
        <translation>Quiver hat einen unfertigen Download gefunden, der nicht in der Liste steht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiver found %1 unfinished downloads that are not in the list.</source>
        <translation>Quiver hat %1 unfertige Downloads gefunden, die nicht in der Liste stehen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>They can be continued from where they stopped, or deleted.</source>
        <translation>Sie können dort fortgesetzt werden, wo sie angehalten haben, oder gelöscht werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue Them</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete Them</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave Them</source>
        <translation>Belassen</translation>
    </message>
</context>
<context>
    <name>Quiver::WindowStatus</name>
    <message>
        <location filename="../src/gui/windowstatus.cpp" line="+53"/>
        <source>Show Quiver</source>
        <translation>Quiver anzeigen</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+1"/>
        <source>Quiver — %1</source>
        <translation>Quiver – %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quiver</source>
        <translation>Quiver</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Download failed</source>
        <translation>Download fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 finished, %2 failed.</source>
        <translation>%1 fertig, %2 fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The download finished.</source>
        <translation>Der Download ist fertig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All %1 downloads finished.</source>
        <translation>Alle %1 Downloads sind fertig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloads finished</source>
        <translation>Downloads abgeschlossen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.ui" line="+14"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Download folder:</source>
        <translation>Download-&amp;Ordner:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New downloads are saved here. The folder is created if it does not exist.</source>
        <translation>Neue Downloads werden hier gespeichert. Der Ordner wird angelegt, falls er nicht existiert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Parallel downloads:</source>
        <translation>&amp;Gleichzeitige Downloads:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>How many downloads run at the same time.</source>
        <translation>Wie viele Downloads gleichzeitig laufen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Per ser&amp;ver:</source>
        <translation>&amp;Pro Server:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>How many of those may come from one server at once. Many servers limit this.</source>
        <translation>Wie viele davon gleichzeitig vom selben Server kommen dürfen. Viele Server begrenzen das.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connect&amp;ions per download:</source>
        <translation>Verbindungen &amp;je Download:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>How many connections one download may use at once, each fetching its own piece of the file. Quiver uses them only when the server sends the file in pieces (byte ranges) and the file is big enough (at least 2 MiB for two connections, 1 MiB per connection); otherwise the download uses one. A download can have its own number: Connections… in its context menu.</source>
        <translation>Wie viele Verbindungen ein Download gleichzeitig nutzen darf, jede für ein eigenes Stück der Datei. Quiver nutzt sie nur, wenn der Server die Datei in Stücken (Byte-Bereichen) liefert und sie groß genug ist (mindestens 2 MiB für zwei Verbindungen, 1 MiB je Verbindung); sonst nutzt der Download eine. Ein Download kann eine eigene Zahl haben: Verbindungen… in seinem Kontextmenü.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Connect timeout:</source>
        <translation>Zeitlimit &amp;Verbindungsaufbau:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Give up on an attempt when the server has not answered within this time.</source>
        <translation>Einen Versuch abbrechen, wenn der Server nicht innerhalb dieser Zeit geantwortet hat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+26"/>
        <location line="+72"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>S&amp;tall timeout:</source>
        <translation>Zeitlimit bei &amp;Stillstand:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Give up on an attempt when no data has arrived for this long.</source>
        <translation>Einen Versuch abbrechen, wenn so lange keine Daten angekommen sind.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Use the s&amp;ystem&apos;s proxy settings</source>
        <translation>Proxy-Einstellungen des S&amp;ystems verwenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect through the proxy the desktop or the http_proxy variables name. Off: connect to every server directly.</source>
        <translation>Über den Proxy verbinden, den die Arbeitsumgebung oder die Variablen http_proxy nennen. Aus: mit jedem Server direkt verbinden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When a download fails</source>
        <translation>Wenn ein Download fehlschlägt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>R&amp;etries:</source>
        <translation>&amp;Wiederholungen:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>How many times a download that failed for a temporary reason is tried again.</source>
        <translation>Wie oft ein Download, der aus einem vorübergehenden Grund fehlgeschlagen ist, erneut versucht wird.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>First retry &amp;wait:</source>
        <translation>Wartezeit vor &amp;erster Wiederholung:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The longest wait before the first retry. Each further retry may wait up to twice as long.</source>
        <translation>Die längste Wartezeit vor der ersten Wiederholung. Jede weitere Wiederholung kann bis zu doppelt so lange warten.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Limit all downloads to:</source>
        <translation>Alle Downloads &amp;begrenzen auf:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Download no faster than this in all on this computer, so other programs keep some of the connection. Downloads on remote engines are not counted: each engine keeps its own limits, and Limit Speed in a row’s menu sets one download’s limit there. The status bar switches the limit on and off.</source>
        <translation>Auf diesem Computer insgesamt nicht schneller herunterladen, damit anderen Programmen etwas von der Verbindung bleibt. Downloads auf entfernten Engines zählen nicht mit: Jede Engine behält ihre eigenen Grenzen, und „Geschwindigkeit begrenzen“ im Menü einer Zeile legt dort die Grenze eines Downloads fest. In der Statusleiste lässt sich die Grenze ein- und ausschalten.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The most this computer’s downloads together may receive per second.</source>
        <translation>Höchstens so viel dürfen die Downloads dieses Computers zusammen pro Sekunde empfangen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speed limit for all downloads</source>
        <translation>Geschwindigkeitsgrenze für alle Downloads</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Link patterns</source>
        <translation>Link-Muster</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>E&amp;xpand patterns such as img[001-120].jpg</source>
        <translation>Muster wie img[001-120].jpg &amp;auflösen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read [1-20], [a-f] and {jpg,png} in added links as ranges and lists, as curl does. Off: brackets and braces are part of the link. One link can also stay as it is with the option line “globbing=off” under it.</source>
        <translation>[1-20], [a-f] und {jpg,png} in hinzugefügten Links als Bereiche und Listen lesen, wie curl. Aus: Klammern gehören zum Link. Ein einzelner Link bleibt auch mit der Optionszeile „globbing=off“ darunter, wie er ist.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Most links from o&amp;ne pattern:</source>
        <translation>Höchstzahl an &amp;Links pro Muster:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A pattern that would make more links than this is refused with a message, before any link is made.</source>
        <translation>Ein Muster, das mehr Links ergäbe, wird mit einer Meldung abgelehnt, bevor ein Link entsteht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Most links one pattern may make</source>
        <translation>Höchstzahl der Links aus einem Muster</translation>
    </message>
</context>
</TS>
