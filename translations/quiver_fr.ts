<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChangeLinkDialog</name>
    <message>
        <location filename="../ui/changelinkdialog.ui" line="+14"/>
        <source>Change Link</source>
        <translation>Changer le lien</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Current link:</source>
        <translation>Lien actuel&#xa0;:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;New link:</source>
        <translation>&amp;Nouveau lien&#xa0;:</translation>
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
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../src/gui/addlinkspanel.cpp" line="+46"/>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paste links, or text that contains links, or drop a file of links here</source>
        <translation>Collez des liens, ou un texte qui contient des liens, ou déposez ici un fichier de liens</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Add Paused</source>
        <translation>Ajouter sans démarrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add the links found to the queue and start downloading them (%1)</source>
        <translation>Ajouter les liens trouvés à la file d’attente et les télécharger aussitôt (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add the links found to the queue without starting them; Start begins them later</source>
        <translation>Ajouter les liens trouvés à la file d’attente sans les démarrer&#x202f;; «&#x202f;Démarrer&#x202f;» les lancera plus tard</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Empty the box and forget its problems</source>
        <translation>Vider le champ et oublier les problèmes signalés</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Add many links?</source>
        <translation>Ajouter beaucoup de liens&#x202f;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add %1 links to the download queue?</source>
        <translation>Ajouter %1 liens à la file d’attente&#x202f;?</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the pasted text</source>
        <translation>le texte collé</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>No links found in %1.</source>
        <translation>Aucun lien trouvé dans %1.</translation>
    </message>
    <message>
        <location filename="../src/gui/problemlist.cpp" line="+80"/>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line %1: already in the queue</source>
        <translation>Ligne %1&#xa0;: déjà dans la file d’attente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
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
        <translation>Lecture des liens dans %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking links…</source>
        <translation>Vérification des liens…</translation>
    </message>
</context>
<context>
    <name>Quiver::AppSettings</name>
    <message>
        <location filename="../src/gui/appsettings.cpp" line="+60"/>
        <source>The folder for the engines&apos; tokens could not be created. Check your permissions on %1.</source>
        <translation>Le dossier des jetons des moteurs n’a pas pu être créé. Vérifiez vos droits sur %1.</translation>
    </message>
</context>
<context>
    <name>Quiver::Aria2</name>
    <message>
        <location filename="../src/core/remote/aria2backend.cpp" line="+71"/>
        <source>%1 stays on the engine “%2”: aria2 cannot delete files over its RPC. Delete it on that machine.</source>
        <translation>%1 reste sur le moteur «&#xa0;%2&#xa0;»&#xa0;: aria2 ne peut pas supprimer de fichiers par son RPC. Supprimez-le sur cette machine.</translation>
    </message>
    <message>
        <location filename="../src/core/remote/aria2errors.cpp" line="+39"/>
        <source>The engine “%1” could not be reached (%2). Check that aria2 runs there with --enable-rpc and that the address is right.</source>
        <translation>Le moteur «&#xa0;%1&#xa0;» est injoignable (%2). Vérifiez qu’aria2 y tourne avec --enable-rpc et que l’adresse est juste.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The engine “%1” refused Quiver&apos;s secret token. Give it the token aria2 was started with (--rpc-secret).</source>
        <translation>Le moteur «&#xa0;%1&#xa0;» a refusé le jeton secret de Quiver. Donnez le jeton avec lequel aria2 a été lancé (--rpc-secret).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The engine “%1” did not answer as aria2 does (%2). Check its RPC address; it usually ends in /jsonrpc.</source>
        <translation>Le moteur «&#xa0;%1&#xa0;» n’a pas répondu comme aria2 (%2). Vérifiez son adresse RPC&#x202f;; elle se termine d’ordinaire par /jsonrpc.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The engine “%1” refused the request: %2.</source>
        <translation>Le moteur «&#xa0;%1&#xa0;» a refusé la requête&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server did not answer the engine “%1” in time.</source>
        <translation>Le serveur n’a pas répondu à temps au moteur «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The engine “%1” lost the connection to the server.</source>
        <translation>Le moteur «&#xa0;%1&#xa0;» a perdu la connexion au serveur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk of the engine “%1” is full. Free some space there, then retry.</source>
        <translation>Le disque du moteur «&#xa0;%1&#xa0;» est plein. Libérez-y de la place, puis réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A file of that name is already in the folder on the engine “%1”. Choose another name or folder.</source>
        <translation>Un fichier de ce nom existe déjà dans le dossier du moteur «&#xa0;%1&#xa0;». Choisissez un autre nom ou dossier.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The engine “%1” could not write the file: %2. Check the folder on that machine.</source>
        <translation>Le moteur «&#xa0;%1&#xa0;» n’a pas pu écrire le fichier&#xa0;: %2. Vérifiez le dossier sur cette machine.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The engine “%1” could not look up the server&apos;s name.</source>
        <translation>Le moteur «&#xa0;%1&#xa0;» n’a pas pu résoudre le nom du serveur.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file on the engine “%1” does not match the checksum given for it.</source>
        <translation>Le fichier sur le moteur «&#xa0;%1&#xa0;» ne correspond pas à la somme de contrôle donnée.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>aria2 on the engine “%1” stopped the download: %2 (error %3).</source>
        <translation>aria2 sur le moteur «&#xa0;%1&#xa0;» a arrêté le téléchargement&#xa0;: %2 (erreur %3).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reason given</source>
        <translation>sans raison donnée</translation>
    </message>
    <message>
        <location filename="../src/core/remote/aria2transfer.cpp" line="+66"/>
        <source>The engine “%1” was changed in Settings as this download started; it starts again there.</source>
        <translation>Le moteur «&#xa0;%1&#xa0;» a été modifié dans les Paramètres au démarrage de ce téléchargement&#x202f;; il y reprend depuis le début.</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>The download was removed on the engine “%1” again and again; Quiver stopped adding it.</source>
        <translation>Le téléchargement a été retiré du moteur «&#xa0;%1&#xa0;» à plusieurs reprises&#x202f;; Quiver ne l’ajoute plus.</translation>
    </message>
    <message>
        <location filename="../src/core/remote/secretfile.cpp" line="+28"/>
        <source>The secret file %1 could not be read: %2.</source>
        <translation>Le fichier secret %1 n’a pas pu être lu&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The secret file %1 is not a regular file.</source>
        <translation>Le fichier secret %1 n’est pas un fichier ordinaire.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The secret file %1 can be read or changed by other users. Make it yours alone (chmod 600 %1), then try again.</source>
        <translation>Le fichier secret %1 peut être lu ou modifié par d’autres utilisateurs. Rendez-le accessible à vous seul (chmod 600 %1), puis réessayez.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The secret file %1 is too long for a token; it should hold the token alone.</source>
        <translation>Le fichier secret %1 est trop long pour un jeton&#x202f;; il ne doit contenir que le jeton.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The secret file %1 holds no token.</source>
        <translation>Le fichier secret %1 ne contient aucun jeton.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The secret could not be saved in %1: %2.</source>
        <translation>Le secret n’a pas pu être enregistré dans %1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>Quiver::ChangeLinkDialog</name>
    <message>
        <location filename="../src/gui/changelinkdialog.cpp" line="+24"/>
        <source>Clear Link</source>
        <translation>Effacer le lien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give “%1” a new link, for example when the old one has expired.</source>
        <translation>Donnez un nouveau lien à «&#x202f;%1&#x202f;», par exemple quand l’ancien a expiré.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change Link</source>
        <translation>Changer le lien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 already downloaded are kept if the new link serves the same file (same size and version); otherwise the download starts over.</source>
        <translation>Les %1 déjà téléchargés sont conservés si le nouveau lien fournit le même fichier (même taille et même version)&#x202f;; sinon, le téléchargement recommence depuis le début.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The download uses the new link from its next attempt on.</source>
        <translation>Le téléchargement utilisera le nouveau lien dès sa prochaine tentative.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This is the link the download already has. Paste the new one.</source>
        <translation>Ce téléchargement a déjà ce lien. Collez le nouveau.</translation>
    </message>
</context>
<context>
    <name>Quiver::ChecksumList</name>
    <message>
        <location filename="../src/core/links/checksumlist.cpp" line="+79"/>
        <source>“%1” is not a checksum list: it is binary or larger than 16 MiB.</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas une liste de sommes de contrôle&#xa0;: le fichier est binaire ou dépasse 16 Mio.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Checksum type “%1” is not supported: only SHA256, SHA512 and SHA1 can be checked.</source>
        <translation>Le type de somme de contrôle «&#x202f;%1&#x202f;» n’est pas pris en charge&#xa0;: seuls SHA256, SHA512 et SHA1 peuvent être vérifiés.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The checksum on this line is not a valid %1 digest.</source>
        <translation>La somme de contrôle de cette ligne n’est pas une empreinte %1 valide.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This line is not a checksum line: write it as the hexadecimal digest, two spaces and the file name, as sha256sum prints it.</source>
        <translation>Cette ligne n’est pas une ligne de somme de contrôle&#xa0;: écrivez l’empreinte hexadécimale, deux espaces et le nom du fichier, comme sha256sum l’affiche.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A checksum of %1 hexadecimal digits is not supported (MD5?): only SHA-256, SHA-512 and SHA-1 can be checked.</source>
        <translation>Une somme de contrôle de %1 chiffres hexadécimaux n’est pas prise en charge (MD5&#x202f;?)&#xa0;: seuls SHA-256, SHA-512 et SHA-1 peuvent être vérifiés.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This checksum line names no file.</source>
        <translation>Cette ligne de somme de contrôle ne nomme aucun fichier.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” lists no checksums.</source>
        <translation>«&#x202f;%1&#x202f;» ne contient aucune somme de contrôle.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>“%1” is not a file name, so no download can be checked against it.</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas un nom de fichier&#xa0;: aucun téléchargement ne peut être vérifié avec.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“%1” is listed twice with different checksums, so a file of that name is not checked against this list.</source>
        <translation>«&#x202f;%1&#x202f;» figure deux fois avec des sommes différentes&#xa0;: un fichier de ce nom n’est donc pas vérifié avec cette liste.</translation>
    </message>
</context>
<context>
    <name>Quiver::ChecksumSourceDialog</name>
    <message>
        <location filename="../src/gui/checksumsourcedialog.cpp" line="+21"/>
        <location line="+50"/>
        <source>Open Checksum List</source>
        <translation>Ouvrir une liste de sommes de contrôle</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>A SHA256SUMS-style file, or a &amp;link to one:</source>
        <translation>Un fichier comme SHA256SUMS, ou un &amp;lien vers un tel fichier&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>https://example.org/release/SHA256SUMS</source>
        <translation>https://example.org/release/SHA256SUMS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each download whose file name is in the list is checked against it before it finishes, also after Quiver restarts. A mismatch fails the download.</source>
        <translation>Chaque téléchargement dont le nom de fichier figure dans la liste est vérifié avant de se terminer, même après un redémarrage de Quiver. Une différence fait échouer le téléchargement.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Checksum lists (*SUMS* *.sha256 *.sha512 *.sha1 *.txt);;All files (*)</source>
        <translation>Listes de sommes de contrôle (*SUMS* *.sha256 *.sha512 *.sha1 *.txt);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>Quiver::CliApp</name>
    <message>
        <location filename="../src/cli/cliapp.cpp" line="+85"/>
        <source>Downloads many files at once, resuming and retrying until each one is complete and correct.</source>
        <translation>Télécharge de nombreux fichiers à la fois, en reprenant et en réessayant jusqu’à ce que chacun soit complet et correct.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read links from FILE (- for standard input).</source>
        <translation>Lire les liens depuis FICHIER (- pour l’entrée standard).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <location line="+4"/>
        <location line="+8"/>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Save files into DIR (default: the current folder).</source>
        <translation>Enregistrer les fichiers dans DOSSIER (par défaut&#xa0;: le dossier courant).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DIR</source>
        <translation>DOSSIER</translation>
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
        <translation>Abandonner une tentative après S secondes sans données (30 par défaut).</translation>
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
        <translation>Abandonner une tentative si le serveur n’a pas répondu dans les S secondes (30 par défaut).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry a failed download up to N times (default 5).</source>
        <translation>Réessayer un téléchargement en échec jusqu’à N fois (5 par défaut).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait up to S seconds before the first retry; the wait doubles with each retry (default 1).</source>
        <translation>Attendre jusqu’à S secondes avant la première nouvelle tentative&#x202f;; l’attente double à chaque nouvelle tentative (1 par défaut).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the queue in FILE so a later run resumes it.</source>
        <translation>Conserver la file d’attente dans FICHIER pour qu’une exécution ultérieure la reprenne.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Connect directly, ignoring the system&apos;s proxy settings (http_proxy and the like).</source>
        <translation>Se connecter directement, sans tenir compte des réglages de proxy du système (http_proxy et semblables).</translation>
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
        <translation>Prendre [ ] { } dans les liens tels quels, pas comme motifs d’URL (le -g de curl). Sans cette option, http://host/img[001-120].jpg donne 120 liens&#x202f;; voir le README.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse a URL pattern that makes more than N links (default %1).</source>
        <translation>Refuser un motif d’URL qui donne plus de N liens (par défaut %1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check every download whose file name is in the checksum list SOURCE (a SHA256SUMS-style file or a link to one; sha256sum, sha512sum, sha1sum and BSD formats) before it is finished; a mismatch fails it. May be given more than once.</source>
        <translation>Vérifier chaque téléchargement dont le nom figure dans la liste de sommes de contrôle SOURCE (un fichier du type SHA256SUMS ou un lien vers un tel fichier&#x202f;; formats sha256sum, sha512sum, sha1sum et BSD) avant qu’il soit terminé&#x202f;; une différence le fait échouer. Peut être donné plusieurs fois.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SOURCE</source>
        <translation>SOURCE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the run ends, write the queue to FILE as a links file (each link with its final out= name and its dir= under -d), which quiver-cli -i and aria2c -i read back.</source>
        <translation>À la fin de l’exécution, écrire la file dans FICHIER sous forme de fichier de liens (chaque lien avec son nom final en out= et son dossier sous -d en dir=), que quiver-cli -i et aria2c -i relisent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download on the aria2 daemon at URL (its JSON-RPC address, such as http://nas:6800/jsonrpc) instead of this computer. -d is then a folder on the daemon&apos;s machine (default: the daemon&apos;s own).</source>
        <translation>Télécharger sur le démon aria2 à l’URL (son adresse JSON-RPC, par exemple http://nas:6800/jsonrpc) au lieu de cet ordinateur. -d désigne alors un dossier sur la machine du démon (par défaut&#xa0;: le sien).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the daemon&apos;s secret token (its --rpc-secret) from FILE, which only you may read (chmod 600).</source>
        <translation>Lire le jeton secret du démon (son --rpc-secret) dans FICHIER, que vous seul pouvez lire (chmod 600).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Download at most RATE bytes per second in all, e.g. 500K or 2M (K = 1024 bytes; 0: no limit).</source>
        <translation>Télécharger au plus RATE octets par seconde au total, par ex. 500K ou 2M (K = 1024 octets&#x202f;; 0&#xa0;: aucune limite).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RATE</source>
        <translation>DÉBIT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Links to download, in addition to those from --input.</source>
        <translation>Liens à télécharger, en plus de ceux de --input.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>[URL...]</source>
        <translation>[URL...]</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>-j and --per-host take a whole number from 1 to 1000.</source>
        <translation>-j et --per-host attendent un nombre entier de 1 à 1000.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>-s takes a whole number from 1 to 16.</source>
        <translation>-s attend un nombre entier de 1 à 16.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--retries takes a whole number from 0 to 1000.</source>
        <translation>--retries attend un nombre entier de 0 à 1000.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--timeout, --connect-timeout and --retry-wait take a number of seconds greater than 0.</source>
        <translation>--timeout, --connect-timeout et --retry-wait attendent un nombre de secondes supérieur à 0.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--limit-rate takes bytes per second, such as 500K, 2M or 100000, not “%1”.</source>
        <translation>--limit-rate attend des octets par seconde, comme 500K, 2M ou 100000, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--max-pattern-links takes a whole number from 1 to 10000000.</source>
        <translation>--max-pattern-links attend un nombre entier de 1 à 10000000.</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Keep at most N connections at once (default 8): one per download, or one per segment with -s.</source>
        <translation>Garder au plus N connexions à la fois (8 par défaut)&#xa0;: une par téléchargement, ou une par segment avec -s.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep at most N connections at once per host (default: as many as -j).</source>
        <translation>Garder au plus N connexions à la fois par hôte (par défaut&#xa0;: autant que -j).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fetch each file over up to N connections at once when the server serves it in ranges (default 1); they count against -j and --per-host.</source>
        <translation>Télécharger chaque fichier par N connexions à la fois au plus quand le serveur le fournit par plages (par défaut 1)&#x202f;; elles comptent dans -j et --per-host.</translation>
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
        <translation>%1, ligne %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="-157"/>
        <location line="+159"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>%1: only the first %2 of %3 problems are listed. Check that this is a list of links.</source>
        <translation>%1&#xa0;: seuls les %2 premiers problèmes sur %3 sont indiqués. Vérifiez qu’il s’agit bien d’une liste de liens.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot read the links file “%1”: %2.</source>
        <translation>Impossible de lire le fichier de liens «&#x202f;%1&#x202f;»&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>standard input</source>
        <translation>entrée standard</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>argument %1</source>
        <translation>argument %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No links given. Pass URLs as arguments or a links file with -i FILE (see --help).</source>
        <translation>Aucun lien indiqué. Passez des URL en arguments, ou un fichier de liens avec -i FICHIER (voir --help).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>With --remote, -d names a folder on the daemon&apos;s machine: give its absolute path.</source>
        <translation>Avec --remote, -d désigne un dossier sur la machine du démon&#xa0;: donnez son chemin absolu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--remote-secret-file needs --remote URL.</source>
        <translation>--remote-secret-file demande --remote URL.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>“%1” is not a folder. Choose a folder with -d.</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas un dossier. Choisissez un dossier avec -d.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot create the folder “%1”. Check the path and your permissions.</source>
        <translation>Impossible de créer le dossier «&#x202f;%1&#x202f;». Vérifiez le chemin et vos droits d’accès.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--checksums checks files on this computer; with --remote the files are on the daemon&apos;s machine.</source>
        <translation>--checksums vérifie des fichiers sur cet ordinateur&#x202f;; avec --remote, les fichiers sont sur la machine du démon.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>-s splits downloads on this computer; with --remote, set aria2&apos;s own --split and --max-connection-per-server on the daemon.</source>
        <translation>-s découpe les téléchargements sur cet ordinateur&#x202f;; avec --remote, réglez les options --split et --max-connection-per-server d’aria2 sur le démon.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--limit-rate limits downloads on this computer; with --remote, set aria2&apos;s own --max-overall-download-limit on the daemon.</source>
        <translation>--limit-rate limite les téléchargements sur cet ordinateur&#x202f;; avec --remote, réglez l’option --max-overall-download-limit d’aria2 sur le démon.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Cannot read the checksum list “%1”: %2.</source>
        <translation>Impossible de lire la liste de sommes de contrôle «&#x202f;%1&#x202f;»&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is larger than 16 MiB, so it is not a checksum list.</source>
        <translation>«&#x202f;%1&#x202f;» dépasse 16 Mio&#xa0;: ce n’est donc pas une liste de sommes de contrôle.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: %2 more problems are not listed.</source>
        <translation>%1&#xa0;: %2 autres problèmes ne sont pas listés.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--checksums: %1</source>
        <translation>--checksums&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The checksum list could not be fetched, so nothing was downloaded. %1</source>
        <translation>La liste de sommes de contrôle n’a pas pu être récupérée, donc rien n’a été téléchargé. %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+51"/>
        <location line="+2"/>
        <source>session %1: %2</source>
        <translation>session %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” in “%2” holds %3 of a download of %4 that is in no queue. To continue it, run quiver-cli again with that link and -d “%2”; or delete the file.</source>
        <translation>«&#x202f;%1&#x202f;» dans «&#x202f;%2&#x202f;» contient %3 d’un téléchargement depuis %4 qui ne figure dans aucune file d’attente. Pour le poursuivre, relancez quiver-cli avec ce lien et -d «&#x202f;%2&#x202f;», ou supprimez le fichier.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--remote takes the daemon&apos;s JSON-RPC address, such as http://nas:6800/jsonrpc.</source>
        <translation>--remote attend l’adresse JSON-RPC du démon, par exemple http://nas:6800/jsonrpc.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Interrupted. The queue is saved in “%1”; run again with --session to continue.</source>
        <translation>Interrompu. La file d’attente est enregistrée dans «&#x202f;%1&#x202f;»&#x202f;; relancez avec --session pour continuer.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot write the links file “%1”: %2.</source>
        <translation>Impossible d’écrire le fichier de liens «&#x202f;%1&#x202f;»&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>Quiver::DetailsPane</name>
    <message>
        <location filename="../src/gui/detailspane.cpp" line="+27"/>
        <source>Download details</source>
        <translation>Détails du téléchargement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a download to see its details.</source>
        <translation>Sélectionnez un téléchargement pour en voir les détails.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 downloads selected.</source>
        <translation>%1 téléchargements sélectionnés.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <comment>the engine a download runs on</comment>
        <translation>Où</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Folder on %1</source>
        <translation>Dossier sur %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Up to %1, this download&apos;s own number</source>
        <translation>Jusqu’à %1, nombre propre à ce téléchargement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up to %1, as in Settings</source>
        <translation>Jusqu’à %1, comme dans les paramètres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; 1 at work now</source>
        <translation>&#x202f;; 1 active en ce moment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>; %1 at work now</source>
        <translation>&#x202f;; %1 actives en ce moment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
</context>
<context>
    <name>Quiver::DownloadState</name>
    <message>
        <location filename="../src/core/queue/downloadstate.cpp" line="+52"/>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloading</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrying</source>
        <translation>Nouvelle tentative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifying</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>Quiver::DownloadTarget</name>
    <message>
        <location filename="../src/core/disk/downloadtarget.cpp" line="+63"/>
        <source>Quiver found “%1” from an earlier download of this link, with %2, and continues it.</source>
        <translation>Quiver a trouvé «&#x202f;%1&#x202f;», issu d’un téléchargement antérieur de ce lien (%2), et le poursuit.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>The file&apos;s %1 is %2, but the checksum list “%4” expects %3. The download was kept as “%5” and not given its final name.</source>
        <extracomment>%1 is SHA-256, SHA-512 or SHA-1; %4 the checksum list&apos;s file name or link</extracomment>
        <translation>Le %1 du fichier est %2, mais la liste de sommes de contrôle «&#x202f;%4&#x202f;» attend %3. Le téléchargement a été conservé sous «&#x202f;%5&#x202f;» sans recevoir son nom final.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checked against the checksum list “%1”: the file&apos;s %2 matches (%3).</source>
        <translation>Vérifié avec la liste de sommes de contrôle «&#x202f;%1&#x202f;»&#xa0;: le %2 du fichier correspond (%3).</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Every variant of the name “%1” is already taken in “%2”. Choose another folder.</source>
        <translation>Toutes les variantes du nom «&#x202f;%1&#x202f;» sont déjà prises dans «&#x202f;%2&#x202f;». Choisissez un autre dossier.</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>The file&apos;s SHA-256 is %1, but the link list expects %2. The download was kept as “%3” and not given its final name.</source>
        <translation>Le SHA-256 du fichier est %1, alors que la liste de liens attend %2. Le téléchargement a été conservé sous le nom «&#x202f;%3&#x202f;» sans recevoir son nom définitif.</translation>
    </message>
</context>
<context>
    <name>Quiver::DroppedLinks</name>
    <message>
        <location filename="../src/gui/droppedlinks.cpp" line="+62"/>
        <source>%1 links from %2 are ready to add; there are too many to show them in the box.</source>
        <translation>%1 liens trouvés dans %2 sont prêts à être ajoutés&#x202f;; ils sont trop nombreux pour être affichés dans le champ.</translation>
    </message>
</context>
<context>
    <name>Quiver::EngineChooser</name>
    <message>
        <location filename="../src/gui/enginechooser.cpp" line="+25"/>
        <source>Run on</source>
        <translation>Exécuter sur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engines</source>
        <translation>Moteurs</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the daemon&apos;s own download folder</source>
        <translation>le dossier de téléchargement du démon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder on the engine&apos;s machine</source>
        <translation>Dossier sur la machine du moteur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run on:</source>
        <translation>Exécuter sur&#xa0;:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Give the folder on %1 as a full path, such as /srv/downloads, or leave it empty for the daemon&apos;s own folder.</source>
        <translation>Indiquez le dossier sur %1 par un chemin complet, comme /srv/downloads, ou laissez le champ vide pour le dossier du démon.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Folder on %1:</source>
        <translation>Dossier sur %1&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Quiver::EngineRouter</name>
    <message>
        <location filename="../src/core/engine/enginerouter.cpp" line="+32"/>
        <source>The engine “%1” is not in Settings any more. Add it again under Settings → Engines, then retry.</source>
        <translation>Le moteur «&#xa0;%1&#xa0;» n’est plus dans les Paramètres. Ajoutez-le de nouveau sous Paramètres → Moteurs, puis réessayez.</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>%1 stays on the engine “%2”, which is not in Settings any more. Delete it on that machine.</source>
        <translation>%1 reste sur le moteur «&#xa0;%2&#xa0;», qui n’est plus dans les Paramètres. Supprimez-le sur cette machine.</translation>
    </message>
</context>
<context>
    <name>Quiver::EnginesEditor</name>
    <message>
        <location filename="../src/gui/engineseditor.cpp" line="+28"/>
        <source>Give the engine a name, such as “NAS”.</source>
        <translation>Donnez un nom au moteur, comme «&#xa0;NAS&#xa0;».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another engine has this name. Choose another.</source>
        <translation>Un autre moteur porte ce nom. Choisissez-en un autre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The address must be aria2&apos;s RPC address, such as http://nas.local:6800/jsonrpc.</source>
        <translation>L’adresse doit être l’adresse RPC d’aria2, comme http://nas.local:6800/jsonrpc.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the secret token in its own field, not in the address.</source>
        <translation>Saisissez le jeton secret dans son propre champ, pas dans l’adresse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the secret token aria2 was started with (--rpc-secret).</source>
        <translation>Indiquez le jeton secret avec lequel aria2 a été lancé (--rpc-secret).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Engines</source>
        <translation>Moteurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Downloads run on this computer, or on an aria2 daemon (a NAS, a server) you add here and choose when adding links.</source>
        <translation>Les téléchargements s’exécutent sur cet ordinateur, ou sur un démon aria2 (un NAS, un serveur) que vous ajoutez ici et choisissez en ajoutant des liens.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Add Engine</source>
        <translation>Ajouter un moteur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit Engine</source>
        <translation>Modifier le moteur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NAS</source>
        <translation>NAS</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>aria2&apos;s --rpc-secret</source>
        <translation>le --rpc-secret d’aria2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RPC address:</source>
        <translation>Adresse RPC&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret token:</source>
        <translation>Jeton secret&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Quiver::FileRemover</name>
    <message>
        <location filename="../src/core/disk/fileremover.cpp" line="+25"/>
        <source>permission denied. Delete it yourself, or check the folder&apos;s permissions.</source>
        <translation>permission refusée. Supprimez-le vous-même, ou vérifiez les droits d’accès du dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the disk is read-only.</source>
        <translation>le disque est en lecture seule.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is a folder now, and Quiver deletes only the files it downloaded.</source>
        <translation>c’est désormais un dossier, et Quiver ne supprime que les fichiers qu’il a téléchargés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file is in use by the system. Try again later.</source>
        <translation>le fichier est utilisé par le système. Réessayez plus tard.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the disk reported an input/output error. Check the disk.</source>
        <translation>le disque a signalé une erreur d’entrée/sortie. Vérifiez le disque.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Quiver could not delete “%1” in “%2”: %3</source>
        <extracomment>%1 is the file, %2 its folder, %3 why (“permission denied. …”)</extracomment>
        <translation>Quiver n’a pas pu supprimer «&#x202f;%1&#x202f;» dans «&#x202f;%2&#x202f;»&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>Quiver::HttpTransfer</name>
    <message>
        <location filename="../src/core/http/httptransfer.cpp" line="+132"/>
        <source>The server redirected to “%1”, which is not a web address. Quiver only follows http and https redirects.</source>
        <translation>Le serveur redirige vers «&#x202f;%1&#x202f;», qui n’est pas une adresse web. Quiver ne suit que les redirections vers http et https.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The secure link redirects to an insecure address (%1). Quiver does not follow https links to http.</source>
        <translation>Le lien sécurisé redirige vers une adresse non sécurisée (%1). Quiver ne suit pas les redirections de https vers http.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The connection was interrupted and re-opened mid-file. Quiver will continue from the bytes already saved.</source>
        <translation>La connexion a été interrompue puis rouverte en cours de fichier. Quiver reprendra à partir des octets déjà enregistrés.</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>The server sent more data than it announced. Quiver kept only the announced %1 and will check the file again.</source>
        <translation>Le serveur a envoyé plus de données qu’annoncé. Quiver n’a gardé que les %1 annoncés et vérifiera de nouveau le fichier.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>No response from %1 within %2 s.</source>
        <translation>Aucune réponse du serveur %1 en %2&#xa0;s.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No data for %1 s.</source>
        <translation>Aucune donnée depuis %1&#xa0;s.</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>The link redirects too many times (more than %1); it probably loops. Check the link.</source>
        <translation>Le lien redirige trop de fois (plus de %1)&#x202f;; il tourne probablement en boucle. Vérifiez le lien.</translation>
    </message>
    <message>
        <location line="+233"/>
        <source>The connection ended after %1 of %2.</source>
        <translation>La connexion s’est terminée après %1 sur %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server sent the file only up to %1 of %2.</source>
        <translation>Le serveur n’a envoyé le fichier que jusqu’à %1 sur %2.</translation>
    </message>
</context>
<context>
    <name>Quiver::LinkChange</name>
    <message>
        <location filename="../src/core/queue/linkchange.cpp" line="+22"/>
        <source>The new link cannot be compared with the part already downloaded (no ETag or Last-Modified was recorded for it): starting over.</source>
        <translation>Le nouveau lien ne peut pas être comparé à la partie déjà téléchargée (aucun ETag ni Last-Modified n’a été noté pour celle-ci)&#xa0;: le téléchargement recommence depuis le début.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new link cannot be compared with the part already downloaded (its size was never known): starting over.</source>
        <translation>Le nouveau lien ne peut pas être comparé à la partie déjà téléchargée (la taille du fichier n’a jamais été connue)&#xa0;: le téléchargement recommence depuis le début.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The new link serves a different file (other size): starting over.</source>
        <translation>Le nouveau lien fournit un autre fichier (taille différente)&#xa0;: le téléchargement recommence depuis le début.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The new link does not identify its file (no ETag or Last-Modified), so it cannot be compared with the part already downloaded: starting over.</source>
        <translation>Le nouveau lien n’identifie pas son fichier (ni ETag ni Last-Modified) et ne peut donc pas être comparé à la partie déjà téléchargée&#xa0;: le téléchargement recommence depuis le début.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new link serves a different file (other version): starting over.</source>
        <translation>Le nouveau lien fournit un autre fichier (version différente)&#xa0;: le téléchargement recommence depuis le début.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new link does not say how large its file is, so it cannot be compared with the part already downloaded: starting over.</source>
        <translation>Le nouveau lien n’indique pas la taille de son fichier et ne peut donc pas être comparé à la partie déjà téléchargée&#xa0;: le téléchargement recommence depuis le début.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new link did not continue the part already downloaded: starting over.</source>
        <translation>Le nouveau lien n’a pas permis de poursuivre la partie déjà téléchargée&#xa0;: le téléchargement recommence depuis le début.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The new link serves the same file: continuing from %1.</source>
        <translation>Le nouveau lien fournit le même fichier&#xa0;: le téléchargement reprend à partir de %1.</translation>
    </message>
</context>
<context>
    <name>Quiver::LinkDrop</name>
    <message>
        <location filename="../src/gui/linkdrop.cpp" line="+56"/>
        <source>%1, line %2: %3</source>
        <translation>%1, ligne %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>“%1” is a folder, not a list of links.</source>
        <translation>«&#x202f;%1&#x202f;» est un dossier, pas une liste de liens.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” could not be read: the file does not exist.</source>
        <translation>«&#x202f;%1&#x202f;» n’a pas pu être lu&#xa0;: le fichier n’existe pas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not a regular file, so it was not read.</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas un fichier ordinaire&#x202f;; il n’a donc pas été lu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is too large to be a list of links (over 64 MiB).</source>
        <translation>«&#x202f;%1&#x202f;» est trop volumineux pour être une liste de liens (plus de 64&#xa0;Mio).</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>“%1” could not be read: %2</source>
        <translation>«&#x202f;%1&#x202f;» n’a pas pu être lu&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” looks like a binary file, not a list of links.</source>
        <translation>«&#x202f;%1&#x202f;» semble être un fichier binaire, pas une liste de liens.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>This link is also on line %1 of %2 with a different “%3”; that one is used.</source>
        <translation>Ce lien figure aussi dans %2, ligne %1, avec une autre valeur pour «&#x202f;%3&#x202f;»&#x202f;; c’est celle-là qui est retenue.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the dropped links</source>
        <translation>les liens déposés</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dropped text</source>
        <translation>Texte déposé</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+127"/>
        <source>the dropped text</source>
        <translation>le texte déposé</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Pasted text</source>
        <translation>Texte collé</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>“%1”</source>
        <translation>«&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 files</source>
        <translation>%1 fichiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the dropped link</source>
        <translation>le lien déposé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 dropped links</source>
        <translation>%1 liens déposés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 dropped items</source>
        <translation>%1 éléments déposés</translation>
    </message>
</context>
<context>
    <name>Quiver::LinksEdit</name>
    <message>
        <location filename="../src/gui/linksedit.cpp" line="+31"/>
        <source>Links to add</source>
        <translation>Liens à ajouter</translation>
    </message>
</context>
<context>
    <name>Quiver::LinksParser</name>
    <message>
        <location filename="../src/core/links/linkcheck.cpp" line="+36"/>
        <source>“%1” is not a link: a link starts with http:// or https://.</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas un lien&#xa0;: un lien commence par http:// ou https://.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a web link: only http and https links can be downloaded.</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas un lien web&#xa0;: seuls les liens http et https peuvent être téléchargés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” contains invisible characters (such as NUL bytes, stray line breaks or zero-width spaces), so it is not a safe link.</source>
        <translation>«&#x202f;%1&#x202f;» contient des caractères invisibles (octets NUL, sauts de ligne égarés ou espaces de largeur nulle, par exemple)&#x202f;; ce n’est donc pas un lien sûr.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” contains characters that could not be read (the text is not valid UTF-8), so the link would be wrong.</source>
        <translation>«&#x202f;%1&#x202f;» contient des caractères illisibles (le texte n’est pas de l’UTF-8 valide)&#x202f;; le lien serait donc erroné.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” contains a space. Put each link on its own line, and write a space inside a link as %20.</source>
        <translation>«&#x202f;%1&#x202f;» contient un espace. Mettez chaque lien sur sa propre ligne, et écrivez un espace à l’intérieur d’un lien sous la forme %20.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This link is %1 characters long; links longer than %2 characters are refused.</source>
        <extracomment>%1 is the link&apos;s length, %2 the limit</extracomment>
        <translation>Ce lien compte %1 caractères&#x202f;; les liens de plus de %2 caractères sont refusés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a valid link: it has characters or parts that a web address cannot contain.</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas un lien valide&#xa0;: il contient des caractères ou des parties qu’une adresse web ne peut pas contenir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” does not name a server, so there is nothing to download from.</source>
        <translation>«&#x202f;%1&#x202f;» n’indique aucun serveur d’où télécharger.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” has control characters hidden in its user name or password, so it is refused.</source>
        <translation>«&#x202f;%1&#x202f;» cache des caractères de contrôle dans son nom d’utilisateur ou son mot de passe&#x202f;; il est donc refusé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” looks like an option, but options must be on the lines under their link, starting with a space or a tab.</source>
        <translation>«&#x202f;%1&#x202f;» ressemble à une option, mais les options doivent figurer sur les lignes sous leur lien et commencer par un espace ou une tabulation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This option has no link above it, so it was ignored. Put options on the lines just under their link, starting with a space or a tab.</source>
        <translation>Cette option n’a pas de lien au-dessus d’elle&#x202f;; elle a donc été ignorée. Placez les options sur les lignes juste sous leur lien, en les commençant par un espace ou une tabulation.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This option was ignored because its link on line %1 could not be used.</source>
        <extracomment>%1 is a line number</extracomment>
        <translation>Cette option a été ignorée car son lien, ligne %1, n’a pas pu être utilisé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not an option: options are written as name=value, for example out=file.zip.</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas une option&#xa0;: les options s’écrivent nom=valeur, par exemple out=fichier.zip.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown option “%1” was ignored: only out, dir, checksum and globbing are understood.</source>
        <translation>L’option inconnue «&#x202f;%1&#x202f;» a été ignorée&#xa0;: seules out, dir, checksum et globbing sont comprises.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>“%1” is not a usable link pattern: %2 Write \[ or \{ for the character itself, or put the option line globbing=off under the link.</source>
        <extracomment>%1 is the link, %2 a sentence saying what is wrong with its pattern</extracomment>
        <translation>«&#x202f;%1&#x202f;» n’est pas un motif de lien utilisable&#xa0;: %2 Écrivez \[ ou \{ pour le caractère lui-même, ou ajoutez la ligne d’option globbing=off sous le lien.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This pattern makes %1 links, more than the %2 one pattern may make. Split it into smaller ranges, or raise the limit: “Most links from one pattern” in the window&apos;s settings, --max-pattern-links for quiver-cli.</source>
        <extracomment>%1 is how many links the pattern makes, %2 the limit</extracomment>
        <translation>Ce motif donne %1 liens, plus que les %2 qu’un motif peut donner. Découpez-le en plages plus petites, ou relevez la limite&#xa0;: «&#x202f;Nombre maximal de liens par motif&#x202f;» dans les paramètres de la fenêtre, --max-pattern-links pour quiver-cli.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>The option “%1” has no value after “=”, so it was ignored.</source>
        <translation>L’option «&#x202f;%1&#x202f;» n’a pas de valeur après «&#x202f;=&#x202f;»&#x202f;; elle a donc été ignorée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“dir=%1” points outside the download folder. Use a folder inside it, such as dir=music; the option was ignored.</source>
        <translation>«&#x202f;dir=%1&#x202f;» pointe en dehors du dossier de téléchargement. Utilisez un dossier à l’intérieur, comme dir=musique&#x202f;; l’option a été ignorée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The value of the option “%1” contains invisible characters or characters that could not be read, so it was ignored.</source>
        <translation>La valeur de l’option «&#x202f;%1&#x202f;» contient des caractères invisibles ou illisibles&#x202f;; elle a donc été ignorée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The option “%1” is given more than once for this link; only the first one is used.</source>
        <translation>L’option «&#x202f;%1&#x202f;» est indiquée plusieurs fois pour ce lien&#x202f;; seule la première est utilisée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This link already appeared on line %1 with a different “%2”; the first one is used.</source>
        <extracomment>%1 is a line number, %2 an option name (out, dir or checksum)</extracomment>
        <translation>Ce lien figurait déjà à la ligne %1 avec une autre valeur pour «&#x202f;%2&#x202f;»&#x202f;; c’est la première qui est utilisée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checksum type “%1” is not supported: only sha-256 can be checked. The link was not added, so it is not downloaded unverified.</source>
        <extracomment>%1 is a checksum type such as md5</extracomment>
        <translation>Le type de somme de contrôle «&#x202f;%1&#x202f;» n’est pas pris en charge&#xa0;: seul sha-256 peut être vérifié. Le lien n’a pas été ajouté, pour qu’il ne soit pas téléchargé sans vérification.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a valid SHA-256 checksum: write it as checksum=sha-256= followed by 64 hexadecimal digits. The link was not added, so it is not downloaded unverified.</source>
        <translation>Ce n’est pas une somme de contrôle SHA-256 valide&#xa0;: écrivez-la sous la forme checksum=sha-256= suivi de 64 chiffres hexadécimaux. Le lien n’a pas été ajouté, pour qu’il ne soit pas téléchargé sans vérification.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This looks like a binary file, not a list of links.</source>
        <translation>Ceci semble être un fichier binaire, pas une liste de liens.</translation>
    </message>
    <message>
        <location filename="../src/core/links/linksparser.cpp" line="+264"/>
        <source>more than 18 billion billion</source>
        <translation>plus de 18 trillions</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This pattern makes %1 links, but the patterns above it already made nearly the %2 links one list may make from patterns. Add it in a list of its own.</source>
        <translation>Ce motif donne %1 liens, mais les motifs au-dessus ont déjà donné presque les %2 liens qu’une liste peut tirer de motifs. Ajoutez-le dans une liste à part.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The pattern makes %1 links; %2 of them had this problem.</source>
        <translation>Le motif donne %1 liens&#x202f;; %2 d’entre eux avaient ce problème.</translation>
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
        <translation>Aucun lien trouvé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 link found</source>
        <translation>1 lien trouvé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 links found</source>
        <translation>%1 liens trouvés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 made by a pattern</source>
        <translation>1 issu d’un motif</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 made by patterns</source>
        <translation>%1 issus de motifs</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>1 line rejected</source>
        <translation>1 ligne refusée</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+13"/>
        <source>%1 lines rejected</source>
        <translation>%1 lignes refusées</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>1 file not read</source>
        <translation>1 fichier non lu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 files not read</source>
        <translation>%1 fichiers non lus</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>1 already in the queue</source>
        <translation>1 déjà dans la file d’attente</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+11"/>
        <source>%1 already in the queue</source>
        <translation>%1 déjà dans la file d’attente</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>1 link added to the queue</source>
        <translation>1 lien ajouté à la file d’attente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 links added to the queue</source>
        <translation>%1 liens ajoutés à la file d’attente</translation>
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
        <translation>Téléchargements</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select All Downloads</source>
        <translation>Sélectionner tous les téléchargements</translation>
    </message>
</context>
<context>
    <name>Quiver::PartFile</name>
    <message>
        <location filename="../src/core/disk/partfile.cpp" line="+43"/>
        <source>The disk is full</source>
        <translation>Le disque est plein</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Free some space, then Retry.</source>
        <translation>Libérez de l’espace, puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is too large for this disk or for the file size limit (ulimit -f)</source>
        <translation>Le fichier est trop volumineux pour ce disque ou dépasse la limite de taille de fichier (ulimit -f)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save it to another disk or raise the limit, then Retry.</source>
        <translation>Enregistrez-le sur un autre disque ou relevez la limite, puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk reported an input/output error</source>
        <translation>Le disque a signalé une erreur d’entrée/sortie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check the disk, then Retry.</source>
        <translation>Vérifiez le disque, puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Permission denied</source>
        <translation>Permission refusée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a folder you can write to, then Retry.</source>
        <translation>Sélectionnez un dossier dans lequel vous pouvez écrire, puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk is read-only</source>
        <translation>Le disque est en lecture seule</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>Choose another folder, then Retry.</source>
        <translation>Sélectionnez un autre dossier, puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>A symbolic link is in the way, and Quiver never writes through one</source>
        <translation>Un lien symbolique fait obstacle, et Quiver n’écrit jamais à travers un tel lien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the link, then Retry.</source>
        <translation>Supprimez le lien symbolique, puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder does not exist (any more)</source>
        <translation>Le dossier n’existe pas (ou plus)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>Check the folder, then Retry.</source>
        <translation>Vérifiez le dossier, puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Part of the path is not a folder</source>
        <translation>Une partie du chemin n’est pas un dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A folder has that name</source>
        <translation>Un dossier porte ce nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename or move the folder, then Retry.</source>
        <translation>Renommez ou déplacez le dossier, puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The partial file has disappeared (another program moved or deleted it)</source>
        <translation>Le fichier partiel a disparu (un autre programme l’a déplacé ou supprimé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry to download it again.</source>
        <translation>Choisissez «&#x202f;Réessayer&#x202f;» pour le télécharger à nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: Quiver could not %2 “%3” in “%4”. %5</source>
        <extracomment>%1 is why (“The disk is full”), %2 the action (“write to”), %3 the file, %4 its folder, %5 what to do</extracomment>
        <translation>%1&#xa0;: Quiver n’a pas pu %2 «&#x202f;%3&#x202f;» dans «&#x202f;%4&#x202f;». %5</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Another program is writing “%1” in “%2” (another Quiver, or a second download of the same file). Quiver leaves it alone: let the other one finish or close it, then Retry.</source>
        <translation>Un autre programme est en train d’écrire «&#x202f;%1&#x202f;» dans «&#x202f;%2&#x202f;» (un autre Quiver, ou un second téléchargement du même fichier). Quiver n’y touche pas&#xa0;: laissez l’autre programme terminer ou fermez-le, puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+14"/>
        <location line="+67"/>
        <source>read</source>
        <translation>lire</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+4"/>
        <source>open</source>
        <translation>ouvrir</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>prepare</source>
        <translation>préparer</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+39"/>
        <source>write to</source>
        <translation>écrire</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>save</source>
        <translation>enregistrer</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>rename</source>
        <translation>renommer</translation>
    </message>
</context>
<context>
    <name>Quiver::PartWriter</name>
    <message>
        <location filename="../src/core/disk/partwriter.cpp" line="+220"/>
        <source>The partial file “%1” holds other bytes before byte %2 than the server sends now: the file changed on the server, or the partial file was damaged.</source>
        <translation>Le fichier partiel «&#x202f;%1&#x202f;» contient avant l’octet %2 d’autres octets que ceux que le serveur envoie maintenant&#xa0;: le fichier a changé sur le serveur, ou le fichier partiel a été endommagé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The end of the partial file “%1” differs from what the server sends now: the file changed on the server, or the partial file was damaged.</source>
        <translation>La fin du fichier partiel «&#x202f;%1&#x202f;» ne correspond pas à ce que le serveur envoie maintenant&#xa0;: le fichier a changé sur le serveur, ou le fichier partiel a été endommagé.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>The partial file “%1” is shorter than recorded.</source>
        <translation>Le fichier partiel «&#x202f;%1&#x202f;» est plus court que ce qui était noté.</translation>
    </message>
</context>
<context>
    <name>Quiver::ProblemList</name>
    <message>
        <location filename="../src/gui/problemlist.cpp" line="-26"/>
        <source>Rejected lines</source>
        <translation>Lignes refusées</translation>
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
        <translation>Terminé   %1  (%2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Failed    %1: %2</source>
        <translation>Échec     %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Note      %1: %2</source>
        <translation>Remarque  %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>[%1/%2 done] %3 active, %4 failed, %5</source>
        <translation>[terminés&#xa0;: %1/%2] en cours&#xa0;: %3, en échec&#xa0;: %4, %5</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Done: %1 of %2 finished, %3 failed; %4 in %5 s (%6).</source>
        <translation>Bilan — terminés&#xa0;: %1 sur %2, en échec&#xa0;: %3&#x202f;; %4 en %5&#xa0;s (%6).</translation>
    </message>
</context>
<context>
    <name>Quiver::QueueFiles</name>
    <message>
        <location filename="../src/gui/queuefiles.cpp" line="+39"/>
        <location line="+21"/>
        <source>Export Links</source>
        <translation>Exporter les liens</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Links files (*.txt);;All files (*)</source>
        <translation>Fichiers de liens (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>1 link exported to “%1”.</source>
        <translation>1 lien exporté vers «&#x202f;%1&#x202f;».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 links exported to “%2”.</source>
        <translation>%1 liens exportés vers «&#x202f;%2&#x202f;».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write “%1”: %2. Choose another place.</source>
        <translation>Impossible d’écrire «&#x202f;%1&#x202f;»&#xa0;: %2. Choisissez un autre emplacement.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import Links</source>
        <translation>Importer des liens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links files (*.txt *.list);;All files (*)</source>
        <translation>Fichiers de liens (*.txt *.list);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>“%1” cannot be fetched as a checksum list: %2</source>
        <translation>«&#x202f;%1&#x202f;» ne peut pas être récupéré comme liste de sommes de contrôle&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“%1” is neither a file nor an http or https link, so it was not read as a checksum list.</source>
        <translation>«&#x202f;%1&#x202f;» n’est ni un fichier ni un lien http ou https, il n’a donc pas été lu comme liste de sommes de contrôle.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>it is a folder</source>
        <translation>c’est un dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read the checksum list “%1”: %2. Choose the file again.</source>
        <translation>Impossible de lire la liste de sommes de contrôle «&#x202f;%1&#x202f;»&#xa0;: %2. Choisissez à nouveau le fichier.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fetching the checksum list %1…</source>
        <translation>Récupération de la liste de sommes de contrôle %1…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The checksum list could not be fetched, so nothing is checked against it. %1</source>
        <translation>La liste de sommes de contrôle n’a pas pu être récupérée, rien n’est donc vérifié avec elle. %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+17"/>
        <source>Open Checksum List</source>
        <translation>Ouvrir une liste de sommes de contrôle</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The checksum list “%1” checks 1 file name: a download of that name is checked before it finishes.</source>
        <translation>La liste de sommes de contrôle «&#x202f;%1&#x202f;» vérifie 1 nom de fichier&#xa0;: un téléchargement de ce nom est vérifié avant d’être terminé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The checksum list “%1” checks %2 file names: downloads of those names are checked before they finish.</source>
        <translation>La liste de sommes de contrôle «&#x202f;%1&#x202f;» vérifie %2 noms de fichier&#xa0;: les téléchargements de ces noms sont vérifiés avant d’être terminés.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Quiver::QueueSummary</name>
    <message>
        <location filename="../src/gui/queuesummary.cpp" line="+50"/>
        <source>%L1 active · %L2 queued · %L3 finished · %L4 failed</source>
        <translation>En cours&#xa0;: %L1 · En attente&#xa0;: %L2 · Terminés&#xa0;: %L3 · En échec&#xa0;: %L4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No downloads</source>
        <translation>Aucun téléchargement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%L1 of %L2 finished</source>
        <translation>Terminés&#xa0;: %L1 sur %L2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloading %L1 of %L2 · %3 · %4</source>
        <translation>En cours&#xa0;: %L1 sur %L2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>Quiver::QueueTableModel</name>
    <message>
        <location filename="../src/gui/queuetablemodel.cpp" line="+125"/>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 unreachable, retrying in %2</source>
        <comment>an engine&apos;s name, then a time</comment>
        <translation>%1 injoignable, nouvel essai dans %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retrying in %1 (attempt %2 of %3)</source>
        <translation>Tentative %2 sur %3 dans %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not started</source>
        <comment>a queued download waiting for Start</comment>
        <translation>Non démarré</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 — %2</source>
        <comment>a download&apos;s state, then a note about it</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA</source>
        <comment>time left</comment>
        <translation>Temps restant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <comment>the engine a download runs on</comment>
        <translation>Où</translation>
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
        <translation>Limite %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No limit</source>
        <translation>Aucune limite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloads on this computer together receive at most %1 (remote engines keep their own limits). Click to lift the limit.</source>
        <translation>Les téléchargements de cet ordinateur reçoivent ensemble au plus %1 (les moteurs distants gardent leurs propres limites). Cliquez pour lever la limite.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click to limit this computer’s downloads together to %1 (set the rate in Settings; remote engines keep their own limits).</source>
        <translation>Cliquez pour limiter ensemble les téléchargements de cet ordinateur à %1 (le débit se règle dans les Paramètres ; les moteurs distants gardent leurs propres limites).</translation>
    </message>
</context>
<context>
    <name>Quiver::ReplyError</name>
    <message>
        <location filename="../src/core/http/replyerror.cpp" line="+29"/>
        <source>%1 refused the connection. The server may be down.</source>
        <translation>Le serveur %1 a refusé la connexion. Il est peut-être hors service.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server closed the connection after %1.</source>
        <translation>Le serveur a fermé la connexion après %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not find the server %1. Check the link and your connection.</source>
        <translation>Serveur %1 introuvable. Vérifiez le lien et votre connexion.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The connection to %1 timed out.</source>
        <translation>Le délai de connexion au serveur %1 a expiré.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The link redirects too many times (more than %1); it probably loops. Check the link.</source>
        <translation>Le lien redirige trop de fois (plus de %1)&#x202f;; il tourne probablement en boucle. Vérifiez le lien.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The secure link redirects to an insecure address. Quiver does not follow https links to http.</source>
        <translation>Le lien sécurisé redirige vers une adresse non sécurisée. Quiver ne suit pas les redirections de https vers http.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The link leads to an address Quiver cannot download from: only http and https work.</source>
        <translation>Le lien mène à une adresse depuis laquelle Quiver ne peut pas télécharger&#xa0;: seuls http et https fonctionnent.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The secure connection to %1 failed: %2. Quiver does not download from a server it cannot verify.</source>
        <translation>La connexion sécurisée au serveur %1 a échoué&#xa0;: %2. Quiver ne télécharge pas depuis un serveur qu’il ne peut pas vérifier.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The download from %1 was interrupted: %2.</source>
        <translation>Le téléchargement depuis %1 a été interrompu&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>Quiver::ResponseJudge</name>
    <message>
        <location filename="../src/core/http/responsejudge.cpp" line="+23"/>
        <source>The server cannot continue the partial download (%1), so the next attempt starts from the beginning.</source>
        <translation>Le serveur ne peut pas poursuivre le téléchargement partiel (%1)&#x202f;; la prochaine tentative repartira donc du début.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>its answer has no valid Content-Range</source>
        <translation>sa réponse n’a pas de Content-Range valide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it sent bytes from %1 when asked for %2</source>
        <translation>il a envoyé les octets à partir de %1 alors que %2 était demandé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it sent the part in a form that cannot be appended</source>
        <translation>il a envoyé la partie sous une forme qui ne peut pas être ajoutée à la suite</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the file on the server changed size</source>
        <translation>la taille du fichier a changé sur le serveur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it gives neither a validator nor the file&apos;s size to check the part against</source>
        <translation>il ne fournit ni validateur ni taille de fichier pour contrôler la partie déjà téléchargée</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the file on the server is now smaller than the part already downloaded</source>
        <translation>le fichier sur le serveur est désormais plus petit que la partie déjà téléchargée</translation>
    </message>
</context>
<context>
    <name>Quiver::RetryPolicy</name>
    <message>
        <location filename="../src/core/queue/retrypolicy.cpp" line="+81"/>
        <source>Gave up after one attempt; Retry continues from the bytes already saved.</source>
        <translation>Abandon après une tentative&#x202f;; «&#x202f;Réessayer&#x202f;» reprend à partir des octets déjà enregistrés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gave up after %1 attempts; Retry continues from the bytes already saved.</source>
        <translation>Abandon après %1 tentatives&#x202f;; «&#x202f;Réessayer&#x202f;» reprend à partir des octets déjà enregistrés.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server asked to wait %1 s before trying again, longer than the limit of %2 s. Retry later.</source>
        <translation>Le serveur a demandé d’attendre %1&#xa0;s avant de réessayer, soit plus que la limite de %2&#xa0;s. Réessayez plus tard.</translation>
    </message>
</context>
<context>
    <name>Quiver::Scheduler</name>
    <message>
        <location filename="../src/core/queue/scheduler.cpp" line="+300"/>
        <source>The download finished from its old link before the new link could be used. The file is complete; the new link was not needed.</source>
        <translation>Le téléchargement s’est terminé par l’ancien lien avant que le nouveau puisse servir. Le fichier est complet&#x202f;; le nouveau lien n’a pas été nécessaire.</translation>
    </message>
</context>
<context>
    <name>Quiver::SegmentBar</name>
    <message>
        <location filename="../src/gui/segmentbar.cpp" line="+27"/>
        <source>Segment map</source>
        <translation>Carte des segments</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Being fetched (1 connection)</source>
        <translation>En cours (1 connexion)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being fetched (%1 connections)</source>
        <translation>En cours (%1 connexions)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No connection is at work.</source>
        <translation>Aucune connexion n’est active.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 connection is at work.</source>
        <translation>1 connexion est active.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 connections are at work.</source>
        <translation>%1 connexions sont actives.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received: %1 of %2
Being fetched: %3
Waiting for a connection: %4
%5</source>
        <translation>Reçu&#xa0;: %1 sur %2
En cours&#xa0;: %3
En attente d’une connexion&#xa0;: %4
%5</translation>
    </message>
</context>
<context>
    <name>Quiver::SegmentStream</name>
    <message>
        <location filename="../src/core/http/segmentstream.cpp" line="+85"/>
        <source>the file&apos;s size changed from %1 to %2</source>
        <translation>la taille du fichier est passée de %1 à %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file changed on the server (its ETag or date is not the same)</source>
        <translation>le fichier a changé sur le serveur (son ETag ou sa date n’est plus la même)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it answered a request for bytes %1 to %2 with “%3”</source>
        <translation>il a répondu à une demande des octets %1 à %2 par «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>it sent the whole file (HTTP %1) instead of the range asked for</source>
        <translation>il a envoyé le fichier entier (HTTP %1) au lieu de la plage demandée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it compressed a range</source>
        <translation>il a compressé une plage</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>No data for %1 s.</source>
        <translation>Aucune donnée depuis %1&#xa0;s.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No response from %1 within %2 s.</source>
        <translation>Aucune réponse du serveur %1 en %2&#xa0;s.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The connection ended at byte %1 of a range that ends at %2.</source>
        <translation>La connexion s’est terminée à l’octet %1 d’une plage qui finit à %2.</translation>
    </message>
</context>
<context>
    <name>Quiver::SegmentedTransfer</name>
    <message>
        <location filename="../src/core/http/segmentedtransfer.cpp" line="+539"/>
        <source>The server stopped serving this file in pieces (%1). Quiver continues with one connection.</source>
        <translation>Le serveur ne fournit plus ce fichier par morceaux (%1). Quiver continue avec une seule connexion.</translation>
    </message>
</context>
<context>
    <name>Quiver::SelectionCommands</name>
    <message>
        <location filename="../src/gui/selectioncommands.cpp" line="+34"/>
        <source>Remove downloads</source>
        <translation>Retirer des téléchargements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this download from the list?</source>
        <translation>Retirer ce téléchargement de la liste&#x202f;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 downloads from the list?</source>
        <translation>Retirer %1 téléchargements de la liste&#x202f;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished files can stay on disk or be deleted.</source>
        <translation>Les fichiers terminés peuvent rester sur le disque ou être supprimés.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly downloaded data can stay on disk or be deleted.</source>
        <translation>Les données partiellement téléchargées peuvent rester sur le disque ou être supprimées.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove from List</source>
        <translation>Retirer de la liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove and Delete Files</source>
        <translation>Retirer et supprimer les fichiers</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Files not deleted</source>
        <translation>Fichiers non supprimés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some files you asked to delete are still on the disk.</source>
        <translation>Certains fichiers dont vous avez demandé la suppression sont toujours sur le disque.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Limit Speed</source>
        <translation>Limiter la vitesse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most this download may receive per second (0: no limit of its own):</source>
        <translation>Le maximum que ce téléchargement peut recevoir par seconde (0&#xa0;: pas de limite propre)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most each of the selected downloads may receive per second (0: no limit of their own):</source>
        <translation>Le maximum que chacun des téléchargements sélectionnés peut recevoir par seconde (0&#xa0;: pas de limite propre)&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> KiB/s</source>
        <translation> Kio/s</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections this download may use at once:</source>
        <translation>Connexions que ce téléchargement peut utiliser à la fois&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections each of the selected downloads may use at once:</source>
        <translation>Connexions que chacun des téléchargements sélectionnés peut utiliser à la fois&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>As in Settings (1 connection)</source>
        <translation>Comme dans les paramètres (1 connexion)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As in Settings (%1 connections)</source>
        <translation>Comme dans les paramètres (%1 connexions)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiver uses several connections only when the server sends the file in pieces and enough of it is left (at least 1 MiB per connection). A running download takes the new number at once and keeps every byte it has.</source>
        <translation>Quiver n’utilise plusieurs connexions que si le serveur envoie le fichier par morceaux et qu’il en reste assez (au moins 1 Mio par connexion). Un téléchargement en cours adopte aussitôt le nouveau nombre et garde chaque octet déjà reçu.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This link is already in the queue as another download. Remove that one first, or give this download another link.</source>
        <translation>Ce lien figure déjà dans la file d’attente pour un autre téléchargement. Retirez d’abord l’autre téléchargement, ou donnez un autre lien à celui-ci.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The link was not changed: the download finished in the meantime.</source>
        <translation>Le lien n’a pas été changé&#xa0;: le téléchargement s’est terminé entre-temps.</translation>
    </message>
</context>
<context>
    <name>Quiver::SessionFormat</name>
    <message>
        <location filename="../src/core/session/sessionformat.cpp" line="+128"/>
        <source>its file name is not a plain file name</source>
        <translation>son nom de fichier n’est pas un simple nom de fichier</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the name of its checksum list is not valid</source>
        <translation>le nom de sa liste de sommes de contrôle n’est pas valide</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it has more than one checksum</source>
        <translation>elle a plus d’une somme de contrôle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it has no checksum</source>
        <translation>elle n’a aucune somme de contrôle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its checksum is not a digest in hex</source>
        <translation>sa somme de contrôle n’est pas une empreinte hexadécimale</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>its link is not a valid http or https link</source>
        <translation>son lien n’est pas un lien http ou https valide</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the link its partial file came from is not valid</source>
        <translation>le lien d’où provient son fichier partiel n’est pas valide</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>its engine&apos;s name is not valid</source>
        <translation>le nom de son moteur n’est pas valide</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>its folder is not an absolute path</source>
        <translation>son dossier n’est pas un chemin absolu</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>its file name is not a safe name inside its folder</source>
        <translation>son nom de fichier n’est pas un nom sûr dans son dossier</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>its state is unknown</source>
        <translation>son état est inconnu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its run/pause setting is unknown</source>
        <translation>son réglage démarrer/suspendre est inconnu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its sizes are not whole numbers of bytes</source>
        <translation>ses tailles ne sont pas des nombres entiers d’octets</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its attempt count is not a sensible number</source>
        <translation>son nombre de tentatives n’est pas un nombre plausible</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>its validators are not valid header values</source>
        <translation>ses validateurs ne sont pas des valeurs d’en-tête valides</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its checksum is not a SHA-256 in hex</source>
        <translation>sa somme de contrôle n’est pas un SHA-256 en hexadécimal</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>its rate limit is not a whole number of bytes per second</source>
        <translation>sa limite de débit n’est pas un nombre entier d’octets par seconde</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>its own number of connections is not a whole number up to 16</source>
        <translation>son propre nombre de connexions n’est pas un nombre entier jusqu’à 16</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its engine&apos;s record is not valid</source>
        <translation>son enregistrement pour le moteur de téléchargement n’est pas valide</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>it has an unknown format version (%1); it may come from a newer Quiver</source>
        <translation>sa version de format est inconnue (%1)&#x202f;; il provient peut-être d’une version plus récente de Quiver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it has no list of items</source>
        <translation>il ne contient pas de liste d’éléments</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>it is damaged or cut short (%1)</source>
        <translation>il est endommagé ou tronqué (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is empty</source>
        <translation>il est vide</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>it is not a Quiver session (%1)</source>
        <translation>ce n’est pas une session Quiver (%1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Skipped item %1 (%2): %3.</source>
        <translation>Élément %1 (%2) ignoré&#xa0;: %3.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no link</source>
        <translation>aucun lien</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Skipped checksum %1: %2.</source>
        <translation>Entrée de somme de contrôle %1 ignorée&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>Quiver::SessionLock</name>
    <message>
        <location filename="../src/core/session/sessionlock.cpp" line="+44"/>
        <source>Quiver cannot lock the queue file “%1”: it may not create “%2” there. Choose a folder you can write to.</source>
        <translation>Quiver ne peut pas verrouiller le fichier de file d’attente «&#x202f;%1&#x202f;»&#xa0;: il n’a pas le droit d’y créer «&#x202f;%2&#x202f;». Choisissez un dossier dans lequel vous pouvez écrire.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Quiver cannot lock the queue file “%1”: “%2” could not be created (is the disk full?).</source>
        <translation>Quiver ne peut pas verrouiller le fichier de file d’attente «&#x202f;%1&#x202f;»&#xa0;: «&#x202f;%2&#x202f;» n’a pas pu être créé (le disque est-il plein&#x202f;?).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quiver cannot lock the queue file “%1”: the folder “%2” does not exist.</source>
        <translation>Quiver ne peut pas verrouiller le fichier de file d’attente «&#x202f;%1&#x202f;»&#xa0;: le dossier «&#x202f;%2&#x202f;» n’existe pas.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The queue file “%1” is in use by another program. Only one program at a time may work on a queue: wait for it to end, or use another file.</source>
        <translation>Le fichier de file d’attente «&#x202f;%1&#x202f;» est utilisé par un autre programme. Un seul programme à la fois peut travailler sur une file d’attente&#xa0;: attendez qu’il se termine, ou utilisez un autre fichier.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>another program</source>
        <translation>un autre programme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>process %1</source>
        <translation>processus %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>process %1 on %2</source>
        <translation>processus %1 sur %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The queue file “%1” is in use by %2 (%3). Only one program at a time may work on a queue: wait for it to end, or use another file.</source>
        <extracomment>%1 the queue file, %2 the program&apos;s name (&quot;quiver-cli&quot;), %3 &quot;process 1234&quot; or &quot;process 1234 on HOST&quot;</extracomment>
        <translation>Le fichier de file d’attente «&#x202f;%1&#x202f;» est utilisé par %2 (%3). Un seul programme à la fois peut travailler sur une file d’attente&#xa0;: attendez qu’il se termine, ou utilisez un autre fichier.</translation>
    </message>
</context>
<context>
    <name>Quiver::SessionStore</name>
    <message>
        <location filename="../src/core/session/sessionstore.cpp" line="+232"/>
        <location line="+38"/>
        <source>The session file “%1” could not be read, so it is not overwritten.</source>
        <translation>Le fichier de session «&#x202f;%1&#x202f;» n’a pas pu être lu&#x202f;; il n’est donc pas écrasé.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The damaged session file “%1” could not be moved aside, so the queue will not be saved until it is moved or deleted.</source>
        <translation>Le fichier de session endommagé «&#x202f;%1&#x202f;» n’a pas pu être mis de côté&#x202f;; la file d’attente ne sera donc pas enregistrée tant qu’il n’aura pas été déplacé ou supprimé.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not read the session file “%1”: %2.</source>
        <translation>Impossible de lire le fichier de session «&#x202f;%1&#x202f;»&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source> It was kept as “%1”.</source>
        <translation> Il a été conservé sous le nom «&#x202f;%1&#x202f;».</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The session file “%1” could not be read in full: %2. %n item(s) recovered.%3</source>
        <translation>
            <numerusform>Le fichier de session «&#x202f;%1&#x202f;» n’a pas pu être lu en entier&#xa0;: %2. %n élément récupéré.%3</numerusform>
            <numerusform>Le fichier de session «&#x202f;%1&#x202f;» n’a pas pu être lu en entier&#xa0;: %2. %n éléments récupérés.%3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Quiver::SessionWriter</name>
    <message>
        <location filename="../src/core/session/sessionwriter.cpp" line="+260"/>
        <source>Could not save the session to “%1”: %2.</source>
        <translation>Impossible d’enregistrer la session dans «&#x202f;%1&#x202f;»&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>another program changed the file while it was open; the whole queue is written again</source>
        <translation>un autre programme a modifié le fichier pendant qu’il était ouvert&#xa0;; toute la file est réécrite</translation>
    </message>
</context>
<context>
    <name>Quiver::SettingsDialog</name>
    <message>
        <location filename="../src/gui/settingsdialog.cpp" line="+78"/>
        <source>Engines</source>
        <translation>Moteurs</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Choose a folder for the downloads.</source>
        <translation>Choisissez un dossier pour les téléchargements.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Choose Download Folder</source>
        <translation>Choisir le dossier de téléchargement</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>This is a file, not a folder.</source>
        <translation>Ceci est un fichier, pas un dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This folder could not be created.</source>
        <translation>Ce dossier n’a pas pu être créé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quiver cannot save files in this folder.</source>
        <translation>Quiver ne peut pas enregistrer de fichiers dans ce dossier.</translation>
    </message>
</context>
<context>
    <name>Quiver::SingleInstance</name>
    <message>
        <location filename="../src/gui/singleinstance.cpp" line="+65"/>
        <source>Another Quiver is starting and has not finished within %1 seconds. Try again.</source>
        <translation>Un autre Quiver est en cours de démarrage et n’a pas fini au bout de %1 secondes. Réessayez.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Quiver is running but could not be reached: %1</source>
        <translation>Quiver est déjà lancé mais n’a pas pu être joint&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Quiver is running but did not take the links (it may be busy, or another version). Add them in its window.</source>
        <translation>Quiver est déjà lancé mais n’a pas accepté les liens (il est peut-être occupé, ou d’une autre version). Ajoutez-les dans sa fenêtre.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Other launches of Quiver will open windows of their own: %1</source>
        <translation>Les prochains lancements de Quiver ouvriront chacun leur propre fenêtre&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Quiver::SmallFetch</name>
    <message>
        <location filename="../src/core/http/smallfetch.cpp" line="+60"/>
        <source>%1 is larger than %2, so it was not read.</source>
        <translation>%1 dépasse %2 et n’a donc pas été lu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 could not be fetched: %2.</source>
        <translation>%1 n’a pas pu être récupéré&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 could not be fetched: the server answered %2.</source>
        <translation>%1 n’a pas pu être récupéré&#xa0;: le serveur a répondu %2.</translation>
    </message>
</context>
<context>
    <name>Quiver::SpeedGraph</name>
    <message>
        <location filename="../src/gui/speedgraph.cpp" line="+19"/>
        <source>Download speed graph</source>
        <translation>Graphique de la vitesse de téléchargement</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Download speed: %1
Highest in the last minute: %2</source>
        <translation>Vitesse de téléchargement&#xa0;: %1
Maximum de la dernière minute&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Quiver::TargetFolder</name>
    <message>
        <location filename="../src/core/disk/targetfolder.cpp" line="+26"/>
        <source>The disk is full: Quiver could not create the folder “%1”. Free some space, then Retry.</source>
        <translation>Le disque est plein&#xa0;: Quiver n’a pas pu créer le dossier «&#x202f;%1&#x202f;». Libérez de l’espace, puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk is read-only: Quiver could not create the folder “%1”. Choose another folder, then Retry.</source>
        <translation>Le disque est en lecture seule&#xa0;: Quiver n’a pas pu créer le dossier «&#x202f;%1&#x202f;». Sélectionnez un autre dossier, puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Permission denied: Quiver could not create the folder “%1”. Choose a folder you can write to, then Retry.</source>
        <translation>Permission refusée&#xa0;: Quiver n’a pas pu créer le dossier «&#x202f;%1&#x202f;». Sélectionnez un dossier dans lequel vous pouvez écrire, puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quiver could not create the folder “%1”: %2. Check the path, then Retry.</source>
        <translation>Quiver n’a pas pu créer le dossier «&#x202f;%1&#x202f;»&#xa0;: %2. Vérifiez le chemin, puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” is a file, not a folder, so nothing can be saved in it. Choose another folder, or move the file away, then Retry.</source>
        <translation>«&#x202f;%1&#x202f;» est un fichier, pas un dossier&#x202f;; rien ne peut donc y être enregistré. Sélectionnez un autre dossier ou déplacez ce fichier ailleurs, puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is a file, not a folder, so the folder “%2” cannot be created in it. Choose another folder, or move the file away, then Retry.</source>
        <translation>«&#x202f;%1&#x202f;» est un fichier, pas un dossier&#x202f;; le dossier «&#x202f;%2&#x202f;» ne peut donc pas y être créé. Sélectionnez un autre dossier ou déplacez ce fichier ailleurs, puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
</context>
<context>
    <name>Quiver::TransferError</name>
    <message>
        <location filename="../src/core/queue/transfererror.cpp" line="+48"/>
        <source>Server answered %1</source>
        <translation>Le serveur a répondu %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server answered %1 %2</source>
        <translation>Le serveur a répondu %1 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the server did not understand the request. Check the link.</source>
        <translation>le serveur n’a pas compris la requête. Vérifiez le lien.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file needs a login. Add the credentials or use another link.</source>
        <translation>le fichier exige une authentification. Ajoutez des identifiants ou utilisez un autre lien.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server refuses to give out this file. The link may have expired; get a new one.</source>
        <translation>le serveur refuse de fournir ce fichier. Le lien a peut-être expiré&#x202f;; procurez-vous-en un nouveau.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is not there. Check the link.</source>
        <translation>le fichier est introuvable. Vérifiez le lien.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server gave up waiting for the request.</source>
        <translation>le serveur a cessé d’attendre la requête.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file was removed for good. Look for another source.</source>
        <translation>le fichier a été supprimé définitivement. Cherchez une autre source.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server cannot serve the part Quiver asked for.</source>
        <translation>le serveur ne peut pas fournir la partie demandée par Quiver.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too many requests. Fewer parallel downloads per host may help.</source>
        <translation>trop de requêtes. Réduire le nombre de téléchargements simultanés par hôte peut aider.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server had an internal error.</source>
        <translation>le serveur a rencontré une erreur interne.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a gateway between you and the server failed.</source>
        <translation>une passerelle entre vous et le serveur est défaillante.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server is overloaded or down for maintenance.</source>
        <translation>le serveur est surchargé ou en maintenance.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server failed.</source>
        <translation>le serveur a rencontré une erreur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the request was refused. Check the link.</source>
        <translation>la requête a été refusée. Vérifiez le lien.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this is not a file Quiver can download.</source>
        <translation>ce n’est pas un fichier que Quiver peut télécharger.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <comment>the server&apos;s answer, then what it means</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Quiver::Units</name>
    <message>
        <location filename="../src/core/util/units.cpp" line="+29"/>
        <source>B</source>
        <translation>o</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KiB</source>
        <translation>Kio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MiB</source>
        <translation>Mio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GiB</source>
        <translation>Gio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TiB</source>
        <translation>Tio</translation>
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
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1&#xa0;min %2&#xa0;s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <translation>%1&#xa0;h %2&#xa0;min</translation>
    </message>
</context>
<context>
    <name>Quiver::UrlPattern</name>
    <message>
        <location filename="../src/core/links/urlpattern.cpp" line="+85"/>
        <source>The “[” at character %1 is never closed with “]”.</source>
        <translation>Le «&#x202f;[&#x202f;» au caractère %1 n’est jamais fermé par «&#x202f;]&#x202f;».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The range at character %1 holds another pattern: ranges and lists cannot be nested.</source>
        <translation>La plage au caractère %1 contient un autre motif&#xa0;: plages et listes ne peuvent pas être imbriquées.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+37"/>
        <source>This link has more than %1 ranges and lists.</source>
        <translation>Ce lien a plus de %1 plages et listes.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The list at character %1 holds another pattern: ranges and lists cannot be nested.</source>
        <translation>La liste au caractère %1 contient un autre motif&#xa0;: plages et listes ne peuvent pas être imbriquées.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The “{” at character %1 is never closed with “}”.</source>
        <translation>Le «&#x202f;{&#x202f;» au caractère %1 n’est jamais fermé par «&#x202f;}&#x202f;».</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The “%1” at character %2 closes nothing.</source>
        <translation>Le «&#x202f;%1&#x202f;» au caractère %2 ne ferme rien.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The range at character %1 has a number longer than %2 digits.</source>
        <translation>La plage au caractère %1 contient un nombre de plus de %2 chiffres.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The range “[%1]” at character %2 is not a range: write it as [1-20], [001-120], [0-100:10] or [a-f].</source>
        <translation>«&#x202f;[%1]&#x202f;» au caractère %2 n’est pas une plage&#xa0;: écrivez-la comme [1-20], [001-120], [0-100:10] ou [a-f].</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The step of the range at character %1 must be a whole number greater than 0.</source>
        <translation>Le pas de la plage au caractère %1 doit être un nombre entier supérieur à 0.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The range at character %1 runs backwards: write the smaller end first.</source>
        <translation>La plage au caractère %1 est à l’envers&#xa0;: écrivez la plus petite borne en premier.</translation>
    </message>
</context>
<context>
    <name>Quiver::WindowActions</name>
    <message>
        <location filename="../src/gui/windowactions.cpp" line="+57"/>
        <source>&amp;Paste Links</source>
        <translation>&amp;Coller des liens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause</source>
        <translation>&amp;Suspendre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Res&amp;ume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;try</source>
        <translation>Ré&amp;essayer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move…</source>
        <translation>Re&amp;tirer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hange Link…</source>
        <translation>C&amp;hanger le lien…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit &amp;Speed…</source>
        <translation>Limiter la &amp;vitesse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;nnections…</source>
        <translation>Co&amp;nnexions…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;Link</source>
        <translation>&amp;Copier le lien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open File</source>
        <translation>&amp;Ouvrir le fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Containing &amp;Folder</source>
        <translation>Ouvrir le dossier &amp;parent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start All</source>
        <translation>Tout démarrer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+Return</source>
        <translation>Ctrl+Shift+Return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause All</source>
        <translation>Tout suspendre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry Failed</source>
        <translation>Réessayer les échecs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear Finished</source>
        <translation>Retirer les terminés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Links…</source>
        <translation>&amp;Importer des liens…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport Links…</source>
        <translation>E&amp;xporter les liens…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Checksum List…</source>
        <translation>Ouvrir une liste de &amp;sommes de contrôle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check downloads against a SHA256SUMS-style list, a file or a link to one, before they finish</source>
        <translation>Vérifier les téléchargements avant la fin avec une liste comme SHA256SUMS, un fichier ou un lien vers un tel fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ettings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start the selected downloads; with none selected, download the links in the box</source>
        <translation>Démarrer les téléchargements sélectionnés&#x202f;; si aucun n’est sélectionné, télécharger les liens du champ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start every download that is waiting or paused, and the links in the box</source>
        <translation>Démarrer tous les téléchargements en attente ou suspendus, ainsi que les liens du champ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try every failed download again</source>
        <translation>Réessayer tous les téléchargements en échec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the selected download a new link, for example when the old one expired</source>
        <translation>Donner un nouveau lien au téléchargement sélectionné, par exemple quand l’ancien a expiré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit how fast the selected downloads may go, on this computer or on their remote engine, on top of the limit for all of this computer’s downloads</source>
        <translation>Limiter la vitesse des téléchargements sélectionnés, sur cet ordinateur ou sur leur moteur distant, en plus de la limite pour tous les téléchargements de cet ordinateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set how many connections the selected downloads may use, instead of the number in Settings</source>
        <translation>Choisir combien de connexions les téléchargements sélectionnés peuvent utiliser, au lieu du nombre des paramètres</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Downloads</source>
        <translation>&amp;Téléchargements</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Queue</source>
        <translation>File d’&amp;attente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Main</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>More Actions</source>
        <translation>Autres actions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More Menus</source>
        <translation>Autres menus</translation>
    </message>
</context>
<context>
    <name>Quiver::WindowCommandLine</name>
    <message>
        <location filename="../src/gui/windowcommandline.cpp" line="+59"/>
        <source>Downloads many files at once, resuming and retrying until each one is complete and correct. Links and files of links given here are downloaded in the Quiver window; when it is open already, they are handed to it.</source>
        <translation>Télécharge de nombreux fichiers à la fois, en reprenant et en réessayant jusqu’à ce que chacun soit complet et correct. Les liens et fichiers de liens indiqués ici sont téléchargés dans la fenêtre de Quiver&#x202f;; si elle est déjà ouverte, ils lui sont transmis.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>URL|FILE</source>
        <translation>URL|FICHIER</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Links to download, or files that list them.</source>
        <translation>Liens à télécharger, ou fichiers qui les énumèrent.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[URL|FILE...]</source>
        <translation>[URL|FICHIER...]</translation>
    </message>
</context>
<context>
    <name>Quiver::WindowSession</name>
    <message>
        <location filename="../src/gui/windowsession.cpp" line="+32"/>
        <source>Could not save the queue: %1</source>
        <translation>Impossible d’enregistrer la file d’attente&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The queue is not saved: %1</source>
        <translation>La file d’attente n’est pas enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue in use</source>
        <translation>File d’attente déjà utilisée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This window neither restores nor saves the queue.</source>
        <translation>Cette fenêtre ne restaure ni n’enregistre la file d’attente.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Queue restored with problems</source>
        <translation>File d’attente restaurée avec des problèmes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The saved queue could not be read.</source>
        <translation>La file d’attente enregistrée n’a pas pu être lue.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some downloads of the saved queue could not be read.</source>
        <translation>Certains téléchargements de la file d’attente enregistrée n’ont pas pu être lus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The damaged file was kept as %1.</source>
        <translation>Le fichier endommagé a été conservé sous le nom %1.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2) from %3</source>
        <extracomment>%1 the .part file, %2 how much it holds, %3 the link it came from</extracomment>
        <translation>%1 (%2) provenant de %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unfinished downloads found</source>
        <translation>Téléchargements inachevés trouvés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quiver found an unfinished download that is not in the list.</source>
        <translation>Quiver a trouvé un téléchargement inachevé qui ne figure pas dans la liste.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiver found %1 unfinished downloads that are not in the list.</source>
        <translation>Quiver a trouvé %1 téléchargements inachevés qui ne figurent pas dans la liste.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>They can be continued from where they stopped, or deleted.</source>
        <translation>Ils peuvent être poursuivis là où ils se sont arrêtés, ou supprimés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue Them</source>
        <translation>Poursuivre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete Them</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave Them</source>
        <translation>Laisser en place</translation>
    </message>
</context>
<context>
    <name>Quiver::WindowStatus</name>
    <message>
        <location filename="../src/gui/windowstatus.cpp" line="+53"/>
        <source>Show Quiver</source>
        <translation>Afficher Quiver</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+1"/>
        <source>Quiver — %1</source>
        <translation>Quiver — %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quiver</source>
        <translation>Quiver</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Download failed</source>
        <translation>Échec du téléchargement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 finished, %2 failed.</source>
        <translation>Terminés&#xa0;: %1, en échec&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The download finished.</source>
        <translation>Le téléchargement est terminé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All %1 downloads finished.</source>
        <translation>Les %1 téléchargements sont terminés.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloads finished</source>
        <translation>Téléchargements terminés</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.ui" line="+14"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Download folder:</source>
        <translation>&amp;Dossier de téléchargement&#xa0;:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New downloads are saved here. The folder is created if it does not exist.</source>
        <translation>Les nouveaux téléchargements sont enregistrés ici. Le dossier est créé s’il n’existe pas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Parallel downloads:</source>
        <translation>Téléchargements &amp;simultanés&#xa0;:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>How many downloads run at the same time.</source>
        <translation>Nombre de téléchargements effectués en même temps.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Per ser&amp;ver:</source>
        <translation>Par ser&amp;veur&#xa0;:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>How many of those may come from one server at once. Many servers limit this.</source>
        <translation>Nombre d’entre eux pouvant provenir d’un même serveur à la fois. Beaucoup de serveurs limitent ce nombre.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connect&amp;ions per download:</source>
        <translation>Conne&amp;xions par téléchargement&#xa0;:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>How many connections one download may use at once, each fetching its own piece of the file. Quiver uses them only when the server sends the file in pieces (byte ranges) and the file is big enough (at least 2 MiB for two connections, 1 MiB per connection); otherwise the download uses one. A download can have its own number: Connections… in its context menu.</source>
        <translation>Nombre de connexions qu’un téléchargement peut utiliser à la fois, chacune récupérant son propre morceau du fichier. Quiver ne les utilise que si le serveur envoie le fichier par morceaux (plages d’octets) et que le fichier est assez gros (au moins 2 Mio pour deux connexions, 1 Mio par connexion)&#x202f;; sinon le téléchargement n’en utilise qu’une. Un téléchargement peut avoir son propre nombre&#xa0;: Connexions… dans son menu contextuel.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Connect timeout:</source>
        <translation>Délai de &amp;connexion&#xa0;:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Give up on an attempt when the server has not answered within this time.</source>
        <translation>Abandonner une tentative si le serveur n’a pas répondu dans ce délai.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+26"/>
        <location line="+72"/>
        <source> s</source>
        <translation>&#xa0;s</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>S&amp;tall timeout:</source>
        <translation>Délai d’&amp;inactivité&#xa0;:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Give up on an attempt when no data has arrived for this long.</source>
        <translation>Abandonner une tentative si aucune donnée n’est arrivée pendant ce temps.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Use the s&amp;ystem&apos;s proxy settings</source>
        <translation>&amp;Utiliser les réglages de proxy du système</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect through the proxy the desktop or the http_proxy variables name. Off: connect to every server directly.</source>
        <translation>Passer par le proxy indiqué par le bureau ou par les variables http_proxy. Désactivé&#xa0;: se connecter directement à chaque serveur.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When a download fails</source>
        <translation>En cas d’échec d’un téléchargement</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>R&amp;etries:</source>
        <translation>&amp;Nouvelles tentatives&#xa0;:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>How many times a download that failed for a temporary reason is tried again.</source>
        <translation>Nombre de nouvelles tentatives pour un téléchargement qui a échoué pour une raison passagère.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>First retry &amp;wait:</source>
        <translation>&amp;Attente initiale&#xa0;:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The longest wait before the first retry. Each further retry may wait up to twice as long.</source>
        <translation>Attente maximale avant la première nouvelle tentative. Chaque tentative suivante peut attendre jusqu’à deux fois plus longtemps.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Limit all downloads to:</source>
        <translation>&amp;Limiter tous les téléchargements à&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Download no faster than this in all on this computer, so other programs keep some of the connection. Downloads on remote engines are not counted: each engine keeps its own limits, and Limit Speed in a row’s menu sets one download’s limit there. The status bar switches the limit on and off.</source>
        <translation>Ne pas télécharger plus vite que cela au total sur cet ordinateur, pour laisser une part de la connexion aux autres programmes. Les téléchargements sur des moteurs distants ne comptent pas : chaque moteur garde ses propres limites, et Limiter la vitesse dans le menu d’une ligne y fixe la limite d’un téléchargement. La barre d’état active et désactive la limite.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The most this computer’s downloads together may receive per second.</source>
        <translation>Le maximum que les téléchargements de cet ordinateur peuvent recevoir ensemble par seconde.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speed limit for all downloads</source>
        <translation>Limite de vitesse pour tous les téléchargements</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> KiB/s</source>
        <translation> Kio/s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Link patterns</source>
        <translation>Motifs de liens</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>E&amp;xpand patterns such as img[001-120].jpg</source>
        <translation>Dév&amp;elopper les motifs comme img[001-120].jpg</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read [1-20], [a-f] and {jpg,png} in added links as ranges and lists, as curl does. Off: brackets and braces are part of the link. One link can also stay as it is with the option line “globbing=off” under it.</source>
        <translation>Lire [1-20], [a-f] et {jpg,png} dans les liens ajoutés comme des plages et des listes, comme curl. Désactivé&#xa0;: crochets et accolades font partie du lien. Un seul lien reste aussi tel quel avec la ligne d’option «&#x202f;globbing=off&#x202f;» sous lui.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Most links from o&amp;ne pattern:</source>
        <translation>Nombre &amp;maximal de liens par motif&#xa0;:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A pattern that would make more links than this is refused with a message, before any link is made.</source>
        <translation>Un motif qui donnerait plus de liens est refusé avec un message, avant qu’aucun lien ne soit créé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Most links one pattern may make</source>
        <translation>Nombre maximal de liens qu’un motif peut donner</translation>
    </message>
</context>
</TS>
