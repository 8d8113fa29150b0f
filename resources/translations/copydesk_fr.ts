<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ArticleActions</name>
    <message>
        <source>Delete Article</source>
        <translation>Supprimer l’article</translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>Supprimer «&#xa0;%1&#xa0;»&#x202f;? Cette action est irréversible.</translation>
    </message>
</context>
<context>
    <name>ArticleCreditsPane</name>
    <message>
        <source>Pictures and Credits</source>
        <translation>Images et crédits</translation>
    </message>
    <message>
        <source>Lead Picture…</source>
        <translation>Image principale…</translation>
    </message>
    <message>
        <source>Choose the article&apos;s lead picture from the library</source>
        <translation>Choisir l’image principale de l’article dans la bibliothèque</translation>
    </message>
    <message>
        <source>Insert Picture…</source>
        <translation>Insérer une image…</translation>
    </message>
    <message>
        <source>Insert a picture of the library in the body, at the cursor</source>
        <translation>Insérer une image de la bibliothèque dans le corps du texte, à l’emplacement du curseur</translation>
    </message>
    <message>
        <source>No pictures yet. Choose a lead picture, or insert one in the body.</source>
        <translation>Aucune image pour l’instant. Choisissez une image principale ou insérez-en une dans le corps du texte.</translation>
    </message>
    <message>
        <source>Edit Credit in Library…</source>
        <translation>Modifier le crédit dans la photothèque…</translation>
    </message>
    <message>
        <source>Credit:</source>
        <translation>Crédit&#xa0;:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <source>Caption:</source>
        <translation>Légende&#xa0;:</translation>
    </message>
    <message>
        <source>Alt text:</source>
        <translation>Texte alternatif&#xa0;:</translation>
    </message>
    <message>
        <source>Used in:</source>
        <translation>Utilisée dans&#xa0;:</translation>
    </message>
    <message>
        <source>Lead picture</source>
        <translation>Image principale</translation>
    </message>
    <message>
        <source>In the body</source>
        <translation>Dans le corps du texte</translation>
    </message>
    <message>
        <source>(no credit)</source>
        <translation>(aucun crédit)</translation>
    </message>
    <message>
        <source>Picture %1 is not in the library</source>
        <translation>L’image %1 n’est pas dans la bibliothèque</translation>
    </message>
    <message>
        <source>Reading picture %1…</source>
        <translation>Lecture de l’image %1…</translation>
    </message>
    <message>
        <source>No file yet</source>
        <translation>Pas encore de fichier</translation>
    </message>
    <message>
        <source>Illustrative photo</source>
        <translation>Photo d’illustration</translation>
    </message>
    <message>
        <source>Illustrative photo (adds “%1”)</source>
        <translation>Photo d’illustration (ajoute «&#xa0;%1&#xa0;»)</translation>
    </message>
    <message>
        <source>Remove Lead Picture</source>
        <translation>Retirer l’image principale</translation>
    </message>
    <message>
        <source>Remove from Body</source>
        <translation>Retirer du corps du texte</translation>
    </message>
    <message>
        <source>The picture awaits its file: attach it in the Picture Library (Edit Credit in Library…, then Attach File…) before publishing.</source>
        <translation>L’image attend son fichier&#xa0;: joignez-le dans la photothèque (Modifier le crédit dans la photothèque…, puis Joindre le fichier…) avant de publier.</translation>
    </message>
    <message>
        <source>No saved article yet</source>
        <translation>Aucun article enregistré pour l’instant</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 caractères</translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <source>Remove the dateline date</source>
        <translation>Retirer la date en tête d’article</translation>
    </message>
    <message>
        <source>Edition, e.g. France</source>
        <translation>Édition, par exemple France</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>Publicité</translation>
    </message>
    <message>
        <source>Advertising or sponsored content: a commercial use of its pictures, which a supplier’s “editorial use only” forbids</source>
        <translation>Publicité ou contenu sponsorisé&#xa0;: un usage commercial de ses images, que l’«&#xa0;usage éditorial uniquement&#xa0;» d’un fournisseur interdit</translation>
    </message>
    <message>
        <source>Line above the headline</source>
        <translation>Ligne au-dessus du titre</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Standfirst: the paragraph that sums it up</source>
        <translation>Chapeau&#xa0;: le paragraphe qui résume l’article</translation>
    </message>
    <message>
        <source>Authors, separated by commas</source>
        <translation>Auteurs, séparés par des virgules</translation>
    </message>
    <message>
        <source>Keywords, separated by commas</source>
        <translation>Mots-clés, séparés par des virgules</translation>
    </message>
    <message>
        <source>Characters used / recommended maximum</source>
        <translation>Caractères utilisés / maximum recommandé</translation>
    </message>
    <message>
        <source>Write the article in Markdown…</source>
        <translation>Écrivez l’article en Markdown…</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>R&amp;emplacer…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Occurrence &amp;suivante</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Occurrence pré&amp;cédente</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Dateline</source>
        <translation>Date et édition</translation>
    </message>
    <message>
        <source>Kicker</source>
        <translation>Surtitre</translation>
    </message>
    <message>
        <source>Standfirst</source>
        <translation>Chapeau</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <source>Words: %1</source>
        <translation>Mots&#xa0;: %1</translation>
    </message>
    <message>
        <source>Characters: %1</source>
        <translation>Caractères&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reading: %1 min</source>
        <translation>Lecture&#xa0;: %1&#xa0;min</translation>
    </message>
    <message>
        <source>Selection: %1</source>
        <translation>Sélection&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Related links (%n)</source>
        <translation>
            <numerusform>Liens associés (%n)</numerusform>
            <numerusform>Liens associés (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>Nouvel article</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected article (Del)</source>
        <translation>Supprimer l’article sélectionné (Suppr)</translation>
    </message>
    <message>
        <source>Duplicate the selected article</source>
        <translation>Dupliquer l’article sélectionné</translation>
    </message>
    <message>
        <source>Search headline, standfirst, body…</source>
        <translation>Rechercher dans le titre, le chapeau, le texte…</translation>
    </message>
    <message>
        <source>Search the articles (%1)</source>
        <translation>Rechercher dans les articles (%1)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Search Articles</source>
        <translation>Rechercher des articles</translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s)</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>More than %Ln article(s)</source>
        <translation>
            <numerusform>Plus de %Ln article</numerusform>
            <numerusform>Plus de %Ln articles</numerusform>
        </translation>
    </message>
    <message>
        <source>No article with the status “%1” matches “%2”.</source>
        <translation>Aucun article au statut «&#xa0;%1&#xa0;» ne correspond à «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>No article matches “%1”.</source>
        <translation>Aucun article ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>No article has the status “%1”.</source>
        <translation>Aucun article n’a le statut «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>BatchReportDialog</name>
    <message>
        <source>Export Report</source>
        <translation>Rapport d’export</translation>
    </message>
    <message>
        <source>Not exported:</source>
        <translation>Non exportés&#xa0;:</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message numerus="yes">
        <source>%n refused by their checks</source>
        <translation>
            <numerusform>%n refusé par ses vérifications</numerusform>
            <numerusform>%n refusés par leurs vérifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2, %3.</source>
        <translation>%1, %2, %3.</translation>
    </message>
    <message>
        <source>Export cancelled: the articles not started were left out.</source>
        <translation>Export annulé&#xa0;: les articles qui n’avaient pas commencé ont été laissés de côté.</translation>
    </message>
    <message>
        <source>No article to export.</source>
        <translation>Aucun article à exporter.</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>article %1</source>
        <translation>article %1</translation>
    </message>
    <message>
        <source>%1 — refused: %2</source>
        <translation>%1 — refusé&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 — failed: %2</source>
        <translation>%1 — échec&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>Fix</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <source>Correct the selected problem</source>
        <translation>Corriger le problème sélectionné</translation>
    </message>
    <message>
        <source>Fix all typography</source>
        <translation>Corriger toute la typographie</translation>
    </message>
    <message>
        <source>Correct every typography problem at once</source>
        <translation>Corriger d’un coup tous les problèmes de typographie</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Aucun problème</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Newsroom Conflicts</source>
        <translation>Conflits de la rédaction</translation>
    </message>
    <message>
        <source>&amp;Settle This Conflict</source>
        <translation>&amp;Résoudre ce conflit</translation>
    </message>
    <message>
        <source>There are no conflicts to settle.</source>
        <translation>Il n’y a aucun conflit à résoudre.</translation>
    </message>
    <message>
        <source>This library (mine)</source>
        <translation>Cette bibliothèque (ma version)</translation>
    </message>
    <message>
        <source>The desk (theirs)</source>
        <translation>Le pupitre (leur version)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>The desk deleted this article; it was edited here.</source>
        <translation>Le pupitre a supprimé cet article&#x202f;; il a été modifié ici.</translation>
    </message>
    <message>
        <source>In each field keep mine, theirs or both, or write the result by hand. What merged on its own (other fields, other paragraphs) is kept either way.</source>
        <translation>Pour chaque champ, gardez ma version, la leur ou les deux, ou écrivez le résultat à la main. Ce qui a fusionné de soi-même (autres champs, autres paragraphes) est conservé dans tous les cas.</translation>
    </message>
    <message>
        <source>Settled: the next sync sends it.</source>
        <translation>Résolu&#xa0;: la prochaine synchronisation l’enverra.</translation>
    </message>
</context>
<context>
    <name>CreditEditor</name>
    <message>
        <source>Apply Suggested Fix</source>
        <translation>Appliquer la correction proposée</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(non choisie)</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(non indiqué)</translation>
    </message>
    <message>
        <source>Rights expire on</source>
        <translation>Droits expirant le</translation>
    </message>
    <message>
        <source>Cropped or otherwise changed</source>
        <translation>Recadrée ou modifiée d’une autre façon</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Creator&apos;s job title</source>
        <translation>Fonction de l’auteur</translation>
    </message>
    <message>
        <source>Credit line</source>
        <translation>Ligne de crédit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Source page (link)</source>
        <translation>Page source (lien)</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Special instructions</source>
        <translation>Instructions spéciales</translation>
    </message>
    <message>
        <source>Copyright notice</source>
        <translation>Mention de copyright</translation>
    </message>
    <message>
        <source>Usage terms</source>
        <translation>Conditions d’utilisation</translation>
    </message>
    <message>
        <source>Web statement of rights</source>
        <translation>Déclaration des droits en ligne</translation>
    </message>
    <message>
        <source>Rights marked</source>
        <translation>Droits signalés</translation>
    </message>
    <message>
        <source>Creative Commons licence</source>
        <translation>Licence Creative Commons</translation>
    </message>
    <message>
        <source>Attribution name</source>
        <translation>Nom pour l’attribution</translation>
    </message>
    <message>
        <source>Attribution address</source>
        <translation>Adresse pour l’attribution</translation>
    </message>
    <message>
        <source>Licensor</source>
        <translation>Concédant de la licence</translation>
    </message>
    <message>
        <source>Image supplier</source>
        <translation>Fournisseur de l’image</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Alt text</source>
        <translation>Texte alternatif</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Digital source type</source>
        <translation>Type de source numérique</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Date created</source>
        <translation>Date de création</translation>
    </message>
    <message>
        <source>Model release</source>
        <translation>Autorisation des personnes</translation>
    </message>
    <message>
        <source>Property release</source>
        <translation>Autorisation des biens</translation>
    </message>
    <message>
        <source>Printed credit</source>
        <translation>Crédit imprimé</translation>
    </message>
    <message>
        <source>Leave empty to use the composed credit</source>
        <translation>Laisser vide pour utiliser le crédit composé automatiquement</translation>
    </message>
    <message>
        <source>Select a picture to see and edit its credit.</source>
        <translation>Sélectionnez une image pour voir et modifier son crédit.</translation>
    </message>
    <message>
        <source>(no credit yet)</source>
        <translation>(pas encore de crédit)</translation>
    </message>
    <message>
        <source>The credit meets its licence.</source>
        <translation>Le crédit respecte les exigences de sa licence.</translation>
    </message>
    <message>
        <source>Digital capture of a real-life scene</source>
        <translation>Capture numérique d’une scène réelle</translation>
    </message>
    <message>
        <source>Digitised from a negative on film</source>
        <translation>Numérisée depuis un négatif</translation>
    </message>
    <message>
        <source>Digitised from a positive on film</source>
        <translation>Numérisée depuis une diapositive</translation>
    </message>
    <message>
        <source>Digitised from a print</source>
        <translation>Numérisée depuis un tirage</translation>
    </message>
    <message>
        <source>Original with minor human edits</source>
        <translation>Original avec retouches mineures</translation>
    </message>
    <message>
        <source>Composite of captured elements</source>
        <translation>Composite d’éléments captés</translation>
    </message>
    <message>
        <source>Algorithmically enhanced</source>
        <translation>Améliorée par algorithme</translation>
    </message>
    <message>
        <source>Data-driven media</source>
        <translation>Média issu de données</translation>
    </message>
    <message>
        <source>Digital art</source>
        <translation>Art numérique</translation>
    </message>
    <message>
        <source>Virtual recording</source>
        <translation>Enregistrement virtuel</translation>
    </message>
    <message>
        <source>Composite including synthetic elements</source>
        <translation>Composite avec éléments de synthèse</translation>
    </message>
    <message>
        <source>Generated by AI (trained algorithmic media)</source>
        <translation>Générée par IA (média algorithmique entraîné)</translation>
    </message>
    <message>
        <source>Composite with AI-generated elements</source>
        <translation>Composite avec éléments générés par IA</translation>
    </message>
    <message>
        <source>Pure algorithmic media</source>
        <translation>Média purement algorithmique</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>&amp;Export Article…</source>
        <translation>&amp;Exporter l’article…</translation>
    </message>
    <message>
        <source>Write this article&apos;s publishing package: HTML, ninjs, pictures, Markdown</source>
        <translation>Écrire le paquet de publication de cet article&#xa0;: HTML, ninjs, photos, Markdown</translation>
    </message>
    <message>
        <source>Export Se&amp;veral Articles…</source>
        <translation>Exporter &amp;plusieurs articles…</translation>
    </message>
    <message>
        <source>Write the packages of the articles listed, or of every article with a status</source>
        <translation>Écrire les paquets des articles de la liste, ou de tous les articles d’un statut</translation>
    </message>
    <message>
        <source>Export Article</source>
        <translation>Exporter l’article</translation>
    </message>
    <message>
        <source>The article could not be saved, so it was not exported.</source>
        <translation>L’article n’a pas pu être enregistré&#xa0;: il n’a donc pas été exporté.</translation>
    </message>
    <message>
        <source>Its package would not hold the text on screen. Try again once it is saved.</source>
        <translation>Son paquet ne contiendrait pas le texte affiché à l’écran. Réessayez une fois l’article enregistré.</translation>
    </message>
    <message>
        <source>Exporting “%1”…</source>
        <translation>Export de «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporté dans %1</translation>
    </message>
    <message>
        <source>Not exported: the checks found problems</source>
        <translation>Non exporté&#xa0;: les vérifications ont relevé des problèmes</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Non exporté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Finding the articles to export…</source>
        <translation>Recherche des articles à exporter…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exporting the packages…</source>
        <translation>Export des paquets…</translation>
    </message>
    <message>
        <source>Stopping the export once the packages under way are written…</source>
        <translation>Arrêt de l’export dès que les paquets en cours seront écrits…</translation>
    </message>
    <message numerus="yes">
        <source>Exporting the packages… %1 of %n</source>
        <translation>
            <numerusform>Export des paquets… %1 sur %n</numerusform>
            <numerusform>Export des paquets… %1 sur %n</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (cancelled)</source>
        <translation>%1 (export annulé)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Several Articles</source>
        <translation>Exporter plusieurs articles</translation>
    </message>
    <message>
        <source>Export Article</source>
        <translation>Exporter l’article</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message numerus="yes">
        <source>This article has %n error(s): it cannot be exported until they are fixed.</source>
        <translation>
            <numerusform>Cet article a %n erreur&#xa0;: il ne peut pas être exporté avant qu’elle soit corrigée.</numerusform>
            <numerusform>Cet article a %n erreurs&#xa0;: il ne peut pas être exporté avant qu’elles soient corrigées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show in Checks</source>
        <translation>Voir dans les vérifications</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message numerus="yes">
        <source>The %n article(s) in the list (its search and status filter)</source>
        <translation>
            <numerusform>%n article de la liste (selon sa recherche et son filtre de statut)</numerusform>
            <numerusform>Les %n articles de la liste (selon sa recherche et son filtre de statut)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The articles in the list, more than %n (its search and status filter)</source>
        <translation>
            <numerusform>Les articles de la liste, plus de %n (selon sa recherche et son filtre de statut)</numerusform>
            <numerusform>Les articles de la liste, plus de %n (selon sa recherche et son filtre de statut)</numerusform>
        </translation>
    </message>
    <message>
        <source>Every article with the status</source>
        <translation>Tous les articles au statut</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paquet</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>A folder</source>
        <translation>Un dossier</translation>
    </message>
    <message>
        <source>A zip file (.copydesk.zip)</source>
        <translation>Un fichier zip (.copydesk.zip)</translation>
    </message>
    <message>
        <source>ninjs %1</source>
        <translation>ninjs %1</translation>
    </message>
    <message>
        <source>%1 (the current version)</source>
        <translation>%1 (la version actuelle)</translation>
    </message>
    <message>
        <source>Export even if the checks find warnings</source>
        <translation>Exporter même si les vérifications relèvent des avertissements</translation>
    </message>
    <message>
        <source>An article whose checks find an error is never exported.</source>
        <translation>Un article dont les vérifications relèvent une erreur n’est jamais exporté.</translation>
    </message>
    <message>
        <source>Save in</source>
        <translation>Enregistrer dans</translation>
    </message>
    <message>
        <source>As</source>
        <translation>Sous forme de</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Export Packages To</source>
        <translation>Exporter les paquets dans</translation>
    </message>
    <message>
        <source>Choose the folder the packages go into.</source>
        <translation>Choisissez le dossier où enregistrer les paquets.</translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation>Ce dossier n’existe pas.</translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation>C’est un fichier, pas un dossier.</translation>
    </message>
    <message>
        <source>Each package is named after its article. A package of the same name already in this folder is replaced once the new one is complete.</source>
        <translation>Chaque paquet porte le nom de son article. Un paquet du même nom déjà présent dans ce dossier est remplacé une fois le nouveau terminé.</translation>
    </message>
    <message>
        <source>“%1” is already in this folder: it will be replaced once the new package is complete.</source>
        <translation>«&#xa0;%1&#xa0;» est déjà dans ce dossier&#xa0;: il sera remplacé une fois le nouveau paquet terminé.</translation>
    </message>
    <message>
        <source>The package will be “%1”.</source>
        <translation>Le paquet sera «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>FieldChoice</name>
    <message>
        <source>Mine</source>
        <translation>La mienne</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>La leur</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Les deux</translation>
    </message>
</context>
<context>
    <name>FieldSpelling</name>
    <message>
        <source>No Suggestions</source>
        <translation>Aucune suggestion</translation>
    </message>
    <message>
        <source>Add to the Newsroom Dictionary</source>
        <translation>Ajouter au dictionnaire de la rédaction</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Copydesk library</source>
        <translation>Bibliothèque Copydesk</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Remplacer par</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Whole word</source>
        <translation>Mot entier</translation>
    </message>
    <message>
        <source>W</source>
        <comment>whole word</comment>
        <translation>M</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Expression régulière</translation>
    </message>
    <message>
        <source>Python syntax; \1 in the replacement inserts group 1</source>
        <translation>Syntaxe Python&#x202f;; \1 dans le remplacement insère le groupe 1</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Occurrence précédente (Maj+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Occurrence suivante (F3)</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>Tout remplacer</translation>
    </message>
    <message>
        <source>Invalid pattern: %1</source>
        <translation>Motif non valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>Invalid replacement: %1</source>
        <translation>Remplacement non valide&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n match(es)</source>
        <translation>
            <numerusform>%n occurrence remplacée</numerusform>
            <numerusform>%n occurrences remplacées</numerusform>
        </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Aucune occurrence</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln occurrence</numerusform>
            <numerusform>%Ln occurrences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryController</name>
    <message>
        <source>Revision restored</source>
        <translation>Version restaurée</translation>
    </message>
    <message>
        <source>Both versions kept: see the History</source>
        <translation>Les deux versions sont conservées&#xa0;: voir l’historique</translation>
    </message>
    <message>
        <source>Article Changed in Another Window</source>
        <translation>Article modifié dans une autre fenêtre</translation>
    </message>
    <message>
        <source>“%1” was saved in another Copydesk window at %2, after you opened it.</source>
        <translation>«&#xa0;%1&#xa0;» a été enregistré dans une autre fenêtre de Copydesk à %2, après que vous l’avez ouvert.</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Nothing has been overwritten. Choose the version to continue with; the other one is kept in the article&apos;s history, where you can compare and restore it.</source>
        <translation>Rien n’a été écrasé. Choisissez la version avec laquelle continuer&#x202f;; l’autre est conservée dans l’historique de l’article, où vous pourrez la comparer et la restaurer.</translation>
    </message>
    <message>
        <source>Continue with Mine</source>
        <translation>Continuer avec la mienne</translation>
    </message>
    <message>
        <source>Continue with Theirs</source>
        <translation>Continuer avec l’autre</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Mots</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Restore This Revision</source>
        <translation>Restaurer cette version</translation>
    </message>
    <message>
        <source>Bring this revision back. The current text is kept in the history first.</source>
        <translation>Revenir à cette version. Le texte actuel est d’abord conservé dans l’historique.</translation>
    </message>
    <message>
        <source>No revision yet. Press Ctrl+S to record one; one is also kept every few minutes while you write.</source>
        <translation>Aucune version pour l’instant. Appuyez sur Ctrl+S pour en enregistrer une&#x202f;; une version est aussi conservée toutes les quelques minutes pendant que vous écrivez.</translation>
    </message>
    <message>
        <source>Changes from the revision of %1 to the current text:</source>
        <translation>Modifications entre la version de %1 et le texte actuel&#xa0;:</translation>
    </message>
    <message>
        <source>Two parents: %1’s changes and %2’s.</source>
        <translation>Deux parents&#xa0;: les modifications de %1 et celles de %2.</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Comparaison…</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>&amp;Import Articles…</source>
        <translation>&amp;Importer des articles…</translation>
    </message>
    <message>
        <source>Add articles from Copydesk packages, ninjs, Markdown or plain-text files</source>
        <translation>Ajouter des articles depuis des paquets Copydesk ou des fichiers ninjs, Markdown ou texte brut</translation>
    </message>
    <message>
        <source>Import a Package &amp;Folder…</source>
        <translation>Importer un &amp;dossier de paquet…</translation>
    </message>
    <message>
        <source>Add the article of a Copydesk package that is a folder (with manifest.json)</source>
        <translation>Ajouter l’article d’un paquet Copydesk qui est un dossier (avec manifest.json)</translation>
    </message>
    <message>
        <source>Import Articles</source>
        <translation>Importer des articles</translation>
    </message>
    <message>
        <source>Articles (*.zip *.json *.md *.markdown *.txt);;All files (*)</source>
        <translation>Articles (*.zip *.json *.md *.markdown *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import a Package Folder</source>
        <translation>Importer un dossier de paquet</translation>
    </message>
    <message>
        <source>Finding the files to import…</source>
        <translation>Recherche des fichiers à importer…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Importing the articles…</source>
        <translation>Import des articles…</translation>
    </message>
    <message>
        <source>Stopping the import once the file under way is imported…</source>
        <translation>Arrêt de l’import dès que le fichier en cours sera importé…</translation>
    </message>
    <message numerus="yes">
        <source>Importing the articles… %1 of %n</source>
        <translation>
            <numerusform>Import des articles… %1 sur %n</numerusform>
            <numerusform>Import des articles… %1 sur %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Non importé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>Échec de l’import</translation>
    </message>
    <message>
        <source>The import stopped: %1</source>
        <translation>L’import s’est arrêté&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import Report</source>
        <translation>Rapport d’import</translation>
    </message>
    <message>
        <source>Not imported (nothing was added for these):</source>
        <translation>Non importés (rien n’a été ajouté pour ceux-ci)&#xa0;:</translation>
    </message>
    <message>
        <source>Imported, with notes:</source>
        <translation>Importés, avec des remarques&#xa0;:</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>“%1” is open in the editor.</source>
        <translation>«&#xa0;%1&#xa0;» est ouvert dans l’éditeur.</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join a Newsroom</source>
        <translation>Rejoindre une rédaction</translation>
    </message>
    <message>
        <source>your name on the newsroom server</source>
        <translation>votre nom sur le serveur de la rédaction</translation>
    </message>
    <message>
        <source>Keep the password in the system keyring</source>
        <translation>Garder le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>Show My &amp;Desks</source>
        <translation>Afficher mes pupitre&amp;s</translation>
    </message>
    <message>
        <source>Only what changed in the last</source>
        <translation>Seulement ce qui a changé ces</translation>
    </message>
    <message>
        <source>Older articles stay on the server: searching finds them there, and one you open is brought into this library.</source>
        <translation>Les articles plus anciens restent sur le serveur&#xa0;: la recherche les y trouve, et celui que vous ouvrez est amené dans cette bibliothèque.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> derniers jours</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Adresse du serveur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <source>D&amp;esk:</source>
        <translation>P&amp;upitre&#xa0;:</translation>
    </message>
    <message>
        <source>Articles:</source>
        <translation>Articles&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Rejoindre</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Interrogation du serveur…</translation>
    </message>
    <message>
        <source>Choose the desk this library works for.</source>
        <translation>Choisissez le pupitre pour lequel travaille cette bibliothèque.</translation>
    </message>
    <message>
        <source>You belong to no desk of this newsroom yet: ask its administrator.</source>
        <translation>Vous n’appartenez encore à aucun pupitre de cette rédaction&#xa0;: adressez-vous à son administrateur.</translation>
    </message>
    <message>
        <source>Joining the desk “%1”…</source>
        <translation>Rattachement au pupitre «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancelled: the library is joined; the rest arrives at the next sync.</source>
        <translation>Annulé&#xa0;: la bibliothèque est rattachée&#x202f;; le reste arrivera à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Receiving %1 of %2…</source>
        <translation>Réception de %1 sur %2…</translation>
    </message>
    <message>
        <source>No system keyring works here: the password will be asked for at the next start.</source>
        <translation>Aucun trousseau système ne fonctionne ici&#xa0;: le mot de passe vous sera demandé au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>LibrarySession</name>
    <message>
        <source>Opening the library…</source>
        <translation>Ouverture de la bibliothèque…</translation>
    </message>
    <message>
        <source>Upgrading the library for this version of Copydesk (a copy of it is kept beside it); a large library takes a few minutes…</source>
        <translation>Mise à niveau de la bibliothèque pour cette version de Copydesk (une copie est gardée à côté)&#x202f;; une grande bibliothèque prend quelques minutes…</translation>
    </message>
    <message>
        <source>Open or Create a Library</source>
        <translation>Ouvrir ou créer une bibliothèque</translation>
    </message>
    <message>
        <source>Copydesk libraries (*.copydesk);;All files (*)</source>
        <translation>Bibliothèques Copydesk (*.copydesk);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Changes Not Saved</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message numerus="yes">
        <source>Changes to %n article(s) could not be saved:
%1</source>
        <translation>
            <numerusform>Les modifications de %n article n’ont pas pu être enregistrées&#xa0;:
%1</numerusform>
            <numerusform>Les modifications de %n articles n’ont pas pu être enregistrées&#xa0;:
%1</numerusform>
        </translation>
    </message>
    <message>
        <source>No library open</source>
        <translation>Aucune bibliothèque ouverte</translation>
    </message>
</context>
<context>
    <name>LiveChanges</name>
    <message>
        <source>“%1” was changed outside this window.</source>
        <translation>«&#xa0;%1&#xa0;» a été modifié hors de cette fenêtre.</translation>
    </message>
    <message>
        <source>“%1” was deleted outside this window.</source>
        <translation>«&#xa0;%1&#xa0;» a été supprimé hors de cette fenêtre.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Checks</source>
        <translation>Vérifications</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Revision saved at %1</source>
        <translation>Version enregistrée à %1</translation>
    </message>
    <message>
        <source>Saved at %1</source>
        <translation>Enregistré à %1</translation>
    </message>
    <message>
        <source>Not saved: %1 Retrying…</source>
        <translation>Non enregistré&#xa0;: %1 Nouvelle tentative…</translation>
    </message>
    <message>
        <source>Copydesk</source>
        <translation>Copydesk</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New Article</source>
        <translation>&amp;Nouvel article</translation>
    </message>
    <message>
        <source>&amp;Save a Revision</source>
        <translation>&amp;Enregistrer une version</translation>
    </message>
    <message>
        <source>Save now and keep this version in the article&apos;s history</source>
        <translation>Enregistrer maintenant et garder cette version dans l’historique de l’article</translation>
    </message>
    <message>
        <source>Open &amp;Library…</source>
        <translation>Ouvrir une &amp;bibliothèque…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>Insert &amp;Picture…</source>
        <translation>Insérer une i&amp;mage…</translation>
    </message>
    <message>
        <source>&amp;Lead Picture…</source>
        <translation>Image p&amp;rincipale…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>&amp;Picture Library</source>
        <translation>&amp;Photothèque</translation>
    </message>
    <message>
        <source>Pictures and &amp;Credits</source>
        <translation>Images et &amp;crédits</translation>
    </message>
    <message>
        <source>Cannot Open the Library</source>
        <translation>Impossible d’ouvrir la bibliothèque</translation>
    </message>
    <message>
        <source>Open Another Library…</source>
        <translation>Ouvrir une autre bibliothèque…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>MarkdownEditor</name>
    <message>
        <source>&amp;Bold</source>
        <translation>&amp;Gras</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>&amp;Italique</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Lien</translation>
    </message>
    <message>
        <source>Heading &amp;%1</source>
        <translation>Intertitre &amp;%1</translation>
    </message>
    <message>
        <source>&amp;Paragraph</source>
        <translation>&amp;Paragraphe</translation>
    </message>
</context>
<context>
    <name>NewsroomBar</name>
    <message>
        <source>Show What Changed</source>
        <translation>Voir les changements</translation>
    </message>
    <message>
        <source>Hide this note</source>
        <translation>Masquer cette note</translation>
    </message>
    <message>
        <source>Settle…</source>
        <translation>Résoudre…</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) changed both here and on the desk: choose what to keep.</source>
        <translation>
            <numerusform>%n article modifié ici et au pupitre&#xa0;: choisissez ce que vous gardez.</numerusform>
            <numerusform>%n articles modifiés ici et au pupitre&#xa0;: choisissez ce que vous gardez.</numerusform>
        </translation>
    </message>
    <message>
        <source>What Changed</source>
        <translation>Ce qui a changé</translation>
    </message>
    <message>
        <source>%1 is editing (since %2)</source>
        <translation>%1 modifie l’article (depuis %2)</translation>
    </message>
</context>
<context>
    <name>NewsroomController</name>
    <message>
        <source>&amp;Join a Newsroom…</source>
        <translation>Re&amp;joindre une rédaction…</translation>
    </message>
    <message>
        <source>Leave the &amp;Newsroom</source>
        <translation>Quitter la &amp;rédaction</translation>
    </message>
    <message>
        <source>Sync &amp;Now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Conflits…</translation>
    </message>
    <message>
        <source>Enter the Password…</source>
        <translation>Saisir le mot de passe…</translation>
    </message>
    <message>
        <source>Newsroom password</source>
        <translation>Mot de passe de la rédaction</translation>
    </message>
    <message>
        <source>Password for the newsroom at %1:</source>
        <translation>Mot de passe de la rédaction à l’adresse %1&#xa0;:</translation>
    </message>
    <message>
        <source>Leave the newsroom? The library stays as it is, unlinked from its desk.</source>
        <translation>Quitter la rédaction&#x202f;? La bibliothèque reste telle quelle, détachée de son pupitre.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent will stay only in this library.</source>
        <translation>
            <numerusform>%n modification pas encore envoyée restera uniquement dans cette bibliothèque.</numerusform>
            <numerusform>%n modifications pas encore envoyées resteront uniquement dans cette bibliothèque.</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave the Newsroom</source>
        <translation>Quitter la rédaction</translation>
    </message>
    <message>
        <source>The library left its newsroom.</source>
        <translation>La bibliothèque a quitté sa rédaction.</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>No date</source>
        <translation>Pas de date</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <source>(empty heading)</source>
        <translation>(intertitre vide)</translation>
    </message>
</context>
<context>
    <name>PictureChooser</name>
    <message>
        <source>Search file, creator, credit, caption…</source>
        <translation>Rechercher un fichier, un auteur, un crédit, une légende…</translation>
    </message>
    <message>
        <source>Reading the library…</source>
        <translation>Lecture de la bibliothèque…</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Choisir</translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) in the library</source>
        <translation>
            <numerusform>%n image dans la bibliothèque</numerusform>
            <numerusform>%n images dans la bibliothèque</numerusform>
        </translation>
    </message>
    <message>
        <source>The library has no pictures yet: import some in the Picture Library.</source>
        <translation>La bibliothèque ne contient encore aucune image&#xa0;: importez-en dans la photothèque.</translation>
    </message>
</context>
<context>
    <name>PictureLibraryWindow</name>
    <message>
        <source>Picture Library</source>
        <translation>Photothèque</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Import Files…</source>
        <translation>Importer des fichiers…</translation>
    </message>
    <message>
        <source>Import Folder…</source>
        <translation>Importer un dossier…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Save as Preset…</source>
        <translation>Enregistrer comme modèle…</translation>
    </message>
    <message>
        <source>Attach File…</source>
        <translation>Joindre le fichier…</translation>
    </message>
    <message>
        <source>Attach the picture file to the selected picture, which awaits it</source>
        <translation>Joindre son fichier à l’image sélectionnée, qui l’attend</translation>
    </message>
    <message>
        <source>Apply Preset</source>
        <translation>Appliquer un modèle</translation>
    </message>
    <message>
        <source>Apply Suggested Licences</source>
        <translation>Appliquer les licences proposées</translation>
    </message>
    <message>
        <source>Give each selected picture with no licence the one its metadata points at</source>
        <translation>Donner à chaque photo sélectionnée sans licence celle que désignent ses métadonnées</translation>
    </message>
    <message>
        <source>Search and Filters</source>
        <translation>Recherche et filtres</translation>
    </message>
    <message>
        <source>Search file, creator, credit, caption…</source>
        <translation>Rechercher un fichier, un auteur, un crédit, une légende…</translation>
    </message>
    <message>
        <source>All pictures</source>
        <translation>Toutes les images</translation>
    </message>
    <message>
        <source>With errors</source>
        <translation>Avec des erreurs</translation>
    </message>
    <message>
        <source>With warnings</source>
        <translation>Avec des avertissements</translation>
    </message>
    <message>
        <source>Missing credit</source>
        <translation>Sans crédit</translation>
    </message>
    <message>
        <source>Awaiting their file</source>
        <translation>En attente de leur fichier</translation>
    </message>
    <message>
        <source>Not used in any article</source>
        <translation>Utilisées dans aucun article</translation>
    </message>
    <message>
        <source>Any licence</source>
        <translation>Toutes les licences</translation>
    </message>
    <message>
        <source>Pick Value</source>
        <translation>Choisir la valeur</translation>
    </message>
    <message>
        <source>This picture was changed in another window.</source>
        <translation>Cette image a été modifiée dans une autre fenêtre.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln picture(s)</source>
        <translation>
            <numerusform>%1 sur %Ln image</numerusform>
            <numerusform>%1 sur %Ln images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>checking the credits of %Ln picture(s)…</source>
        <translation>
            <numerusform>vérification des crédits de %Ln image…</numerusform>
            <numerusform>vérification des crédits de %Ln images…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (et %n autre)</numerusform>
            <numerusform>%1 (et %n autres)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (awaiting its file)</source>
        <translation>%1 (en attente de son fichier)</translation>
    </message>
    <message>
        <source>Edit Credit</source>
        <translation>la modification du crédit</translation>
    </message>
    <message>
        <source>Apply Fix</source>
        <translation>la correction</translation>
    </message>
    <message>
        <source>Apply Preset “%1”</source>
        <translation>l’application du modèle «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Import Pictures</source>
        <translation>Importer des images</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.gif);;All files (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.gif);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import a Folder of Pictures</source>
        <translation>Importer un dossier d’images</translation>
    </message>
    <message>
        <source>Importing pictures…</source>
        <translation>Importation des images…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>Importing pictures… %1 of %2</source>
        <translation>Importation des images… %1 sur %2</translation>
    </message>
    <message>
        <source>%1 imported, %2 already in the library, %3 refused.</source>
        <translation>Importées&#xa0;: %1&#x202f;; déjà dans la bibliothèque&#xa0;: %2&#x202f;; refusées&#xa0;: %3.</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>Importation annulée.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Attach the File of %1</source>
        <translation>Joindre le fichier de %1</translation>
    </message>
    <message>
        <source>Attaching %1…</source>
        <translation>Ajout de %1…</translation>
    </message>
    <message>
        <source>%1 attached to picture %2.</source>
        <translation>%1 joint à l’image %2.</translation>
    </message>
    <message>
        <source>Attach File</source>
        <translation>Joindre le fichier</translation>
    </message>
    <message>
        <source>The file was not attached to picture %1.</source>
        <translation>Le fichier n’a pas été joint à l’image %1.</translation>
    </message>
</context>
<context>
    <name>PictureService</name>
    <message>
        <source>%1 could not be attached (%2: %3).</source>
        <translation>Impossible de joindre %1 (%2&#xa0;: %3).</translation>
    </message>
</context>
<context>
    <name>PictureStatusWords</name>
    <message>
        <source>This picture awaits its file: its credit came with an article. Select it and choose Attach File… to add the picture.</source>
        <translation>Cette image attend son fichier&#xa0;: son crédit est arrivé avec un article. Sélectionnez-la et choisissez Joindre le fichier… pour ajouter l’image.</translation>
    </message>
    <message>
        <source>Awaiting file</source>
        <translation>Fichier attendu</translation>
    </message>
    <message>
        <source>Awaiting file · %1</source>
        <translation>Fichier attendu · %1</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complet</translation>
    </message>
</context>
<context>
    <name>PictureTableModel</name>
    <message>
        <source>Picture</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Credit line</source>
        <translation>Ligne de crédit</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Used in</source>
        <translation>Utilisée dans</translation>
    </message>
    <message>
        <source>Awaiting file</source>
        <translation>Fichier attendu</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> caractères</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Commercial publication (no NC licences)</source>
        <translation>Publication commerciale (pas de licence NC)</translation>
    </message>
    <message>
        <source>A picture with no licence whose credit line or source names one of these agencies is offered the agency licence.</source>
        <translation>Une photo sans licence dont la ligne de crédit ou la source nomme l’une de ces agences se voit proposer la licence d’agence.</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>The new language applies when Copydesk next starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de Copydesk.</translation>
    </message>
    <message>
        <source>Headline limit</source>
        <translation>Longueur maximale du titre</translation>
    </message>
    <message>
        <source>Standfirst limit</source>
        <translation>Longueur maximale du chapeau</translation>
    </message>
    <message>
        <source>Your name in the history</source>
        <translation>Votre nom dans l’historique</translation>
    </message>
    <message>
        <source>Keep a revision every</source>
        <translation>Garder une version toutes les</translation>
    </message>
    <message>
        <source>Reading speed (words per minute)</source>
        <translation>Vitesse de lecture (mots par minute)</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>News agencies (separated by commas)</source>
        <translation>Agences de presse (séparées par des virgules)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>PresenceWatcher</name>
    <message>
        <source>Merged at %1 with %2’s changes: yours are kept.</source>
        <translation>Fusionné à %1 avec les modifications apportées par %2&#xa0;: les vôtres sont conservées.</translation>
    </message>
    <message>
        <source>Updated at %1 with %2’s changes.</source>
        <translation>Mis à jour à %1 avec les modifications apportées par %2.</translation>
    </message>
    <message>
        <source>Updated at %1 with changes from the desk “%3”.</source>
        <translation>Mis à jour à %1 avec des modifications du pupitre «&#xa0;%3&#xa0;».</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>a tablet</source>
        <translation>une tablette</translation>
    </message>
    <message>
        <source>a phone</source>
        <translation>un téléphone</translation>
    </message>
    <message>
        <source>The pane is narrower than %1 (%2 px): widen it to see that layout.</source>
        <translation>Le volet est plus étroit qu’%1 (%2&#xa0;px)&#xa0;: élargissez-le pour voir cette mise en page.</translation>
    </message>
</context>
<context>
    <name>PreviewToolBar</name>
    <message>
        <source>Sync Scrolling</source>
        <translation>Défilement synchronisé</translation>
    </message>
    <message>
        <source>Scroll the preview along with the editor</source>
        <translation>Faire défiler l’aperçu avec l’éditeur</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Ordinateur</translation>
    </message>
    <message>
        <source>The whole pane</source>
        <translation>Tout le panneau</translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation>Tablette</translation>
    </message>
    <message>
        <source>A tablet&apos;s width: 768 pixels</source>
        <translation>Largeur d’une tablette&#xa0;: 768&#xa0;pixels</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>A phone&apos;s width: 375 pixels</source>
        <translation>Largeur d’un téléphone&#xa0;: 375&#xa0;pixels</translation>
    </message>
</context>
<context>
    <name>ReadyGuard</name>
    <message>
        <source>Only the newsroom’s chief gives this status.</source>
        <translation>Seul le chef de la rédaction attribue ce statut.</translation>
    </message>
    <message>
        <source>“%1” is marked %2 on the desk. Edit it anyway?</source>
        <translation>«&#xa0;%1&#xa0;» est marqué «&#xa0;%2&#xa0;» sur le pupitre. Le modifier quand même&#x202f;?</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Edit a Ready Article</source>
        <translation>Modifier un article prêt</translation>
    </message>
</context>
<context>
    <name>RefusedDialog</name>
    <message>
        <source>Article Not Exported</source>
        <translation>Article non exporté</translation>
    </message>
    <message numerus="yes">
        <source>“%1” was not exported: its checks found %n problem(s) to fix first.</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» n’a pas été exporté&#xa0;: ses vérifications ont relevé %n problème à corriger au préalable.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» n’a pas été exporté&#xa0;: ses vérifications ont relevé %n problèmes à corriger au préalable.</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Show in Checks</source>
        <translation>Voir dans les vérifications</translation>
    </message>
</context>
<context>
    <name>RelatedLinksEditor</name>
    <message>
        <source>Block title, e.g. “Read also”</source>
        <translation>Titre du bloc, par exemple «&#xa0;À lire aussi&#xa0;»</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>Ajouter un lien</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
</context>
<context>
    <name>SavePresetDialog</name>
    <message>
        <source>Save as Preset</source>
        <translation>Enregistrer comme modèle</translation>
    </message>
    <message>
        <source>For example: Agency staff, Handout</source>
        <translation>Par exemple&#xa0;: Photographes de l’agence, Document remis</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>When applied</source>
        <translation>À l’application</translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation>Remplace</translation>
    </message>
    <message>
        <source>Fills if empty</source>
        <translation>Remplit si vide</translation>
    </message>
    <message>
        <source>The preset keeps the rights and credit fields this picture fills in; never its caption, alt text or date.</source>
        <translation>Le modèle garde les champs de droits et de crédit que cette image renseigne, jamais sa légende, son texte alternatif ni sa date.</translation>
    </message>
    <message>
        <source>This picture has no rights or credit field filled in: nothing to keep.</source>
        <translation>Cette image ne renseigne aucun champ de droits ou de crédit&#xa0;: rien à garder.</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>Nom du modèle&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ServerResultsPanel</name>
    <message>
        <source>Double-click or press Enter to bring the article here</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour amener l’article ici</translation>
    </message>
    <message>
        <source>Searching the newsroom server…</source>
        <translation>Recherche sur le serveur de la rédaction…</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>The newsroom server has nothing more.</source>
        <translation>Le serveur de la rédaction n’a rien de plus.</translation>
    </message>
    <message numerus="yes">
        <source>On the newsroom server, more than %n article(s):</source>
        <translation>
            <numerusform>Sur le serveur de la rédaction, plus de %n article&#xa0;:</numerusform>
            <numerusform>Sur le serveur de la rédaction, plus de %n articles&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On the newsroom server, %n article(s):</source>
        <translation>
            <numerusform>Sur le serveur de la rédaction, %n article&#xa0;:</numerusform>
            <numerusform>Sur le serveur de la rédaction, %n articles&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Bringing “%1” from the newsroom server…</source>
        <translation>Rapatriement de «&#xa0;%1&#xa0;» depuis le serveur de la rédaction…</translation>
    </message>
</context>
<context>
    <name>ServerSearch</name>
    <message>
        <source>The newsroom server was not searched: %1</source>
        <translation>Le serveur de la rédaction n’a pas été interrogé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The article was not brought: %1</source>
        <translation>L’article n’a pas été rapatrié&#xa0;: %1</translation>
    </message>
    <message>
        <source>it is no longer on the server.</source>
        <translation>il n’est plus sur le serveur.</translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <source>Click for the details and Sync Now</source>
        <translation>Cliquez pour voir les détails et synchroniser maintenant</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflit</numerusform>
            <numerusform>%n conflits</numerusform>
        </translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>synchronisé à %1</translation>
    </message>
    <message>
        <source>Newsroom: online</source>
        <translation>Rédaction&#xa0;: en ligne</translation>
    </message>
    <message>
        <source>Newsroom: syncing…</source>
        <translation>Rédaction&#xa0;: synchronisation…</translation>
    </message>
    <message>
        <source>Newsroom: connecting…</source>
        <translation>Rédaction&#xa0;: connexion…</translation>
    </message>
    <message>
        <source>Newsroom: offline</source>
        <translation>Rédaction&#xa0;: hors ligne</translation>
    </message>
    <message>
        <source>Desk: %1</source>
        <translation>Pupitre&#xa0;: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serveur&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d’envoi</numerusform>
            <numerusform>%n modifications en attente d’envoi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle</source>
        <translation>
            <numerusform>%n conflit à résoudre</numerusform>
            <numerusform>%n conflits à résoudre</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Dernière synchronisation&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>WindowController</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>WindowPictures</name>
    <message>
        <source>Lead Picture</source>
        <translation>Image principale</translation>
    </message>
    <message>
        <source>Insert Picture</source>
        <translation>Insérer une image</translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message>
        <source>The headline is missing.</source>
        <translation>Le titre manque.</translation>
    </message>
    <message>
        <source>The headline has %1 characters; the limit is %2.</source>
        <translation>Le titre compte %1 caractères&#x202f;; la limite est de %2.</translation>
    </message>
    <message>
        <source>The standfirst is missing.</source>
        <translation>Le chapeau manque.</translation>
    </message>
    <message>
        <source>The standfirst has %1 characters; the limit is %2.</source>
        <translation>Le chapeau compte %1 caractères&#x202f;; la limite est de %2.</translation>
    </message>
    <message>
        <source>The byline is missing: name at least one author.</source>
        <translation>La signature manque&#xa0;: indiquez au moins un auteur.</translation>
    </message>
    <message>
        <source>The body is empty.</source>
        <translation>Le corps du texte est vide.</translation>
    </message>
    <message>
        <source>The dateline date, %1, is in the future.</source>
        <translation>La date de l’article, %1, est dans le futur.</translation>
    </message>
    <message>
        <source>Possible spelling mistake: “%1”.</source>
        <translation>Faute d’orthographe possible&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>In French, the colon “%1” takes a no-break space before it.</source>
        <translation>En français, le deux-points (%1) est précédé d’une espace insécable.</translation>
    </message>
    <message>
        <source>In French, the semicolon “%1” takes a narrow no-break space before it.</source>
        <translation>En français, le point-virgule (%1) est précédé d’une espace fine insécable.</translation>
    </message>
    <message>
        <source>In French, the exclamation mark “%1” takes a narrow no-break space before it.</source>
        <translation>En français, le point d’exclamation (%1) est précédé d’une espace fine insécable.</translation>
    </message>
    <message>
        <source>In French, the question mark “%1” takes a narrow no-break space before it.</source>
        <translation>En français, le point d’interrogation (%1) est précédé d’une espace fine insécable.</translation>
    </message>
    <message>
        <source>In French, “«” takes a no-break space after it.</source>
        <translation>En français, le guillemet ouvrant («) est suivi d’une espace insécable.</translation>
    </message>
    <message>
        <source>In French, “»” takes a no-break space before it.</source>
        <translation>En français, le guillemet fermant (») est précédé d’une espace insécable.</translation>
    </message>
    <message>
        <source>In French, “»” takes a space after it.</source>
        <translation>En français, le guillemet fermant (») est suivi d’une espace.</translation>
    </message>
    <message>
        <source>Put a space after “%1”.</source>
        <translation>Mettez une espace après «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Use the French quotation mark “%1” instead of a straight quote.</source>
        <translation>Utilisez le guillemet français (%1) plutôt qu’un guillemet droit.</translation>
    </message>
    <message>
        <source>Use the typographic apostrophe “’” instead of a straight one.</source>
        <translation>Utilisez l’apostrophe typographique (’) plutôt que l’apostrophe droite.</translation>
    </message>
    <message>
        <source>Use the curly quotation mark “%1” instead of a straight quote.</source>
        <translation>Utilisez le guillemet courbe (%1) plutôt qu’un guillemet droit.</translation>
    </message>
    <message>
        <source>Use the curly quotation mark “%1” instead of a straight one.</source>
        <translation>Utilisez le guillemet simple courbe (%1) plutôt qu’un guillemet droit.</translation>
    </message>
    <message>
        <source>There are %1 spaces here; one is enough.</source>
        <translation>Il y a %1 espaces ici&#x202f;; une seule suffit.</translation>
    </message>
    <message>
        <source>Picture %1 is not in the library.</source>
        <translation>La photo %1 n’est pas dans la bibliothèque.</translation>
    </message>
    <message>
        <source>%1 awaits its file: attach the picture in the Picture Library before publishing.</source>
        <translation>%1 attend son fichier&#xa0;: joignez-le dans la photothèque avant la publication.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, ligne %2</translation>
    </message>
</context>
<context>
    <name>credits</name>
    <message>
        <source>Choose the licence from the catalogue. The picture&apos;s own data names %1.</source>
        <translation>Choisissez la licence dans le catalogue. Les métadonnées de l’image indiquent %1.</translation>
    </message>
    <message>
        <source>Choose the licence from the catalogue.</source>
        <translation>Choisissez la licence dans le catalogue.</translation>
    </message>
    <message>
        <source>%1 requires the creator&apos;s name. “%2” is a website.</source>
        <translation>La licence %1 exige le nom de l’auteur. «&#xa0;%2&#xa0;» est un site web.</translation>
    </message>
    <message>
        <source>%1 requires the creator&apos;s name.</source>
        <translation>La licence %1 exige le nom de l’auteur.</translation>
    </message>
    <message>
        <source>The creator names a website, “%1”: a website is not an author.</source>
        <translation>Le champ Auteur indique un site web, «&#xa0;%1&#xa0;»&#xa0;: un site web n’est pas un auteur.</translation>
    </message>
    <message>
        <source>The credit line names a website, “%1”: a website is not an author.</source>
        <translation>La ligne de crédit indique un site web, «&#xa0;%1&#xa0;»&#xa0;: un site web n’est pas un auteur.</translation>
    </message>
    <message>
        <source>The source names a website, “%1”: a website is not an author.</source>
        <translation>La source indique un site web, «&#xa0;%1&#xa0;»&#xa0;: un site web n’est pas un auteur.</translation>
    </message>
    <message>
        <source>The printed credit names a website, “%1”: a website is not an author.</source>
        <translation>Le crédit imprimé indique un site web, «&#xa0;%1&#xa0;»&#xa0;: un site web n’est pas un auteur.</translation>
    </message>
    <message>
        <source>No licence is chosen: without one, the picture cannot be published.</source>
        <translation>Aucune licence n’est choisie&#xa0;: sans licence, l’image ne peut pas être publiée.</translation>
    </message>
    <message>
        <source>The licence is unknown: find out who holds the rights and on what terms.</source>
        <translation>La licence est inconnue&#xa0;: renseignez-vous sur le détenteur des droits et sur ses conditions.</translation>
    </message>
    <message>
        <source>The licence “%1” is not in the catalogue.</source>
        <translation>La licence «&#xa0;%1&#xa0;» ne figure pas dans le catalogue.</translation>
    </message>
    <message>
        <source>Name the photographer or author in the creator field; the picture&apos;s page usually gives it (on Wikimedia Commons, the file page&apos;s “Author”).</source>
        <translation>Indiquez le photographe ou l’auteur dans le champ Auteur&#x202f;; la page de l’image le donne en général (sur Wikimedia Commons, la rubrique «&#xa0;Auteur&#xa0;» de la page du fichier).</translation>
    </message>
    <message>
        <source>%1 requires a link to the page the picture comes from.</source>
        <translation>La licence %1 exige un lien vers la page d’où provient l’image.</translation>
    </message>
    <message>
        <source>Put the address of the picture&apos;s page (where it was found) in the source link.</source>
        <translation>Indiquez dans le lien source l’adresse de la page de l’image (là où elle a été trouvée).</translation>
    </message>
    <message>
        <source>%1 forbids commercial use, and this publication is commercial.</source>
        <translation>La licence %1 interdit l’usage commercial, et cette publication est commerciale.</translation>
    </message>
    <message>
        <source>Ask the rights holder for a licence that allows commercial use, or use another picture.</source>
        <translation>Demandez au détenteur des droits une licence autorisant l’usage commercial, ou utilisez une autre image.</translation>
    </message>
    <message>
        <source>%1 forbids adaptations, and the picture is cropped.</source>
        <translation>La licence %1 interdit les adaptations, et l’image est recadrée.</translation>
    </message>
    <message>
        <source>Publish the picture uncropped, or ask the rights holder whether cropping is allowed.</source>
        <translation>Publiez l’image sans recadrage, ou demandez au détenteur des droits si le recadrage est autorisé.</translation>
    </message>
    <message>
        <source>The source link “%1” is not a web address (https://…).</source>
        <translation>Le lien source «&#xa0;%1&#xa0;» n’est pas une adresse web (https://…).</translation>
    </message>
    <message>
        <source>Paste the full address of the picture&apos;s page, starting with https://.</source>
        <translation>Collez l’adresse complète de la page de l’image, commençant par https://.</translation>
    </message>
    <message>
        <source>Name the author (the photographer or agency) and put the address of the page the picture comes from in the source link.</source>
        <translation>Nommez l’auteur (le photographe ou l’agence) et indiquez dans le lien source l’adresse de la page d’où provient l’image.</translation>
    </message>
    <message>
        <source>Add the creator&apos;s name to the credit, or clear it to print the composed credit.</source>
        <translation>Ajoutez le nom de l’auteur au crédit, ou videz-le pour imprimer le crédit composé automatiquement.</translation>
    </message>
    <message>
        <source>Name the licence as “%1” (linked to %2).</source>
        <translation>Nommez la licence «&#xa0;%1&#xa0;» (avec un lien vers %2).</translation>
    </message>
    <message>
        <source>The printed credit leaves out the creator, “%1”, whom %2 requires.</source>
        <translation>Le crédit imprimé omet l’auteur, «&#xa0;%1&#xa0;», que %2 impose de citer.</translation>
    </message>
    <message>
        <source>Choose %1: the picture&apos;s data marks it as public domain.</source>
        <translation>Choisir «&#xa0;%1&#xa0;»&#xa0;: les données de la photo la disent du domaine public.</translation>
    </message>
    <message>
        <source>Choose %1: the credit names the agency %2.</source>
        <translation>Choisir «&#xa0;%1&#xa0;»&#xa0;: le crédit nomme l’agence %2.</translation>
    </message>
    <message>
        <source>Choose %1: the copyright notice names the stock library %2.</source>
        <translation>Choisir «&#xa0;%1&#xa0;»&#xa0;: la mention de copyright nomme la banque d’images %2.</translation>
    </message>
    <message>
        <source>Choose %1: the supplier&apos;s instructions say it is a handout.</source>
        <translation>Choisir «&#xa0;%1&#xa0;»&#xa0;: les instructions du fournisseur en font un document remis.</translation>
    </message>
    <message>
        <source>The picture is for one-time use (“%1”), and “%2” used it first.</source>
        <translation>La photo est à usage unique («&#xa0;%1&#xa0;»), et «&#xa0;%2&#xa0;» l’a utilisée en premier.</translation>
    </message>
    <message>
        <source>The picture is for one-time use (“%1”), and another article used it first.</source>
        <translation>La photo est à usage unique («&#xa0;%1&#xa0;»), et un autre article l’a utilisée en premier.</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>%1: the file’s metadata disagrees (%2).</source>
        <translation>%1&#xa0;: les métadonnées du fichier divergent (%2).</translation>
    </message>
    <message>
        <source>Keep “%1” (shown), or pick another value in the credit editor: it is written to IIM and XMP alike on export.</source>
        <translation>Gardez «&#xa0;%1&#xa0;» (affichée) ou choisissez une autre valeur dans l’éditeur de crédit&#xa0;: elle est écrite dans l’IIM comme dans le XMP à l’export.</translation>
    </message>
    <message>
        <source>The printed credit names “%1”, but the licence is %2.</source>
        <translation>Le crédit imprimé mentionne «&#xa0;%1&#xa0;», mais la licence est %2.</translation>
    </message>
    <message>
        <source>The printed credit does not name the licence, %1.</source>
        <translation>Le crédit imprimé ne mentionne pas la licence, %1.</translation>
    </message>
    <message>
        <source>An agency picture must credit the agency: the credit line and the source are empty.</source>
        <translation>Une image d’agence doit créditer l’agence&#xa0;: la ligne de crédit et la source sont vides.</translation>
    </message>
    <message>
        <source>Put the agency&apos;s name (AFP, Reuters, …) in the credit line or the source.</source>
        <translation>Indiquez le nom de l’agence (AFP, Reuters…) dans la ligne de crédit ou la source.</translation>
    </message>
    <message>
        <source>A handout picture should name who handed it out.</source>
        <translation>Une image fournie devrait nommer qui l’a fournie.</translation>
    </message>
    <message>
        <source>Put the organisation that provided the picture in the source.</source>
        <translation>Indiquez dans la source l’organisation qui a fourni l’image.</translation>
    </message>
    <message>
        <source>A staff picture should name the staff photographer.</source>
        <translation>Une image de la rédaction devrait nommer le photographe de la rédaction.</translation>
    </message>
    <message>
        <source>Put the photographer&apos;s name in the creator field.</source>
        <translation>Indiquez le nom du photographe dans le champ Auteur.</translation>
    </message>
    <message>
        <source>A picture used with permission should name who gave it.</source>
        <translation>Une image utilisée avec autorisation devrait nommer qui l’a accordée.</translation>
    </message>
    <message>
        <source>Put the rights holder&apos;s name in the creator field or the source.</source>
        <translation>Indiquez le nom du détenteur des droits dans le champ Auteur ou la source.</translation>
    </message>
    <message>
        <source>The picture was generated by AI, and its caption does not say so.</source>
        <translation>L’image a été générée par IA, et sa légende ne le dit pas.</translation>
    </message>
    <message>
        <source>Say in the caption that the image was generated by AI (“%1”).</source>
        <translation>Précisez dans la légende que l’image a été générée par IA («&#xa0;%1&#xa0;»).</translation>
    </message>
    <message>
        <source>The rights to the picture ran out on %1.</source>
        <translation>Les droits sur l’image ont expiré le %1.</translation>
    </message>
    <message>
        <source>Renew the rights with the rights holder, or use another picture.</source>
        <translation>Renouvelez les droits auprès du détenteur des droits, ou utilisez une autre image.</translation>
    </message>
    <message>
        <source>The alt text is missing: screen readers have nothing to say about the picture.</source>
        <translation>Le texte alternatif manque&#xa0;: les lecteurs d’écran n’ont rien à dire de l’image.</translation>
    </message>
    <message>
        <source>Describe what the picture shows, in a sentence.</source>
        <translation>Décrivez en une phrase ce que montre l’image.</translation>
    </message>
    <message>
        <source>The alt text repeats the caption: screen readers read both.</source>
        <translation>Le texte alternatif répète la légende&#xa0;: les lecteurs d’écran lisent les deux.</translation>
    </message>
    <message>
        <source>Describe what the picture shows (people, place, action) rather than repeat the caption.</source>
        <translation>Décrivez ce que montre l’image (personnes, lieu, action) plutôt que de répéter la légende.</translation>
    </message>
    <message>
        <source>The alt text has %1 characters; the recommended limit is %2.</source>
        <translation>Le texte alternatif compte %1 caractères&#x202f;; la limite conseillée est de %2.</translation>
    </message>
    <message>
        <source>Keep the alt text to what the picture shows; details belong in the caption.</source>
        <translation>Limitez le texte alternatif à ce que montre l’image&#x202f;; les détails ont leur place dans la légende.</translation>
    </message>
    <message>
        <source>The supplier requires the credit “%1”, and the printed credit leaves it out.</source>
        <translation>Le fournisseur exige le crédit «&#xa0;%1&#xa0;», et le crédit imprimé l’omet.</translation>
    </message>
    <message>
        <source>Print the required credit: it becomes the credit line.</source>
        <translation>Imprimer le crédit exigé&#xa0;: il devient la ligne de crédit.</translation>
    </message>
    <message>
        <source>The printed credit, typed by hand, leaves out the supplier’s credit line “%1”.</source>
        <translation>Le crédit imprimé, saisi à la main, omet la ligne de crédit du fournisseur, «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Print the composed credit, which gives the credit line.</source>
        <translation>Imprimer le crédit composé, qui donne la ligne de crédit.</translation>
    </message>
    <message>
        <source>Choose another picture, or ask the supplier for another use.</source>
        <translation>Choisir une autre photo, ou demander au fournisseur un autre usage.</translation>
    </message>
    <message>
        <source>The picture is under embargo until %1: it cannot be published before.</source>
        <translation>La photo est sous embargo jusqu’au %1&#xa0;: elle ne peut pas être publiée avant.</translation>
    </message>
    <message>
        <source>Wait for the embargo to end, or choose another picture.</source>
        <translation>Attendre la fin de l’embargo, ou choisir une autre photo.</translation>
    </message>
    <message>
        <source>The supplier holds the picture for release (“%1”), without a date.</source>
        <translation>Le fournisseur retient la photo («&#xa0;%1&#xa0;»), sans date de levée.</translation>
    </message>
    <message>
        <source>Ask the supplier whether it may be published now.</source>
        <translation>Demander au fournisseur si elle peut être publiée maintenant.</translation>
    </message>
    <message>
        <source>The supplier allows editorial use only (“%1”), and the article is advertising.</source>
        <translation>Le fournisseur n’autorise qu’un usage éditorial («&#xa0;%1&#xa0;»), et l’article est publicitaire.</translation>
    </message>
    <message>
        <source>Check with the supplier that this use is allowed, or choose another picture.</source>
        <translation>Vérifier auprès du fournisseur que cet usage est permis, ou choisir une autre photo.</translation>
    </message>
    <message>
        <source>The picture is a handout, and nothing says who handed it out.</source>
        <translation>La photo est un document remis, et rien ne dit qui l’a remis.</translation>
    </message>
    <message>
        <source>Name the organisation that handed it out in the source.</source>
        <translation>Nommer dans la source l’organisation qui l’a remis.</translation>
    </message>
    <message>
        <source>The supplier says this is a file photo, and the caption does not.</source>
        <translation>Le fournisseur indique une photo d’archives, et la légende ne le dit pas.</translation>
    </message>
    <message>
        <source>Add “%1” to the caption.</source>
        <translation>Ajouter «&#xa0;%1&#xa0;» à la légende.</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Creator&apos;s job title</source>
        <translation>Fonction de l’auteur</translation>
    </message>
    <message>
        <source>Credit line</source>
        <translation>Ligne de crédit</translation>
    </message>
    <message>
        <source>Copyright notice</source>
        <translation>Mention de copyright</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Web statement of rights</source>
        <translation>Déclaration des droits en ligne</translation>
    </message>
    <message>
        <source>Usage terms</source>
        <translation>Conditions d’utilisation</translation>
    </message>
    <message>
        <source>Licensor</source>
        <translation>Concédant de la licence</translation>
    </message>
    <message>
        <source>Digital source type</source>
        <translation>Type de source numérique</translation>
    </message>
    <message>
        <source>Alt text</source>
        <translation>Texte alternatif</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Date created</source>
        <translation>Date de création</translation>
    </message>
    <message>
        <source>Special instructions</source>
        <translation>Instructions spéciales</translation>
    </message>
    <message>
        <source>Image supplier</source>
        <translation>Fournisseur de l’image</translation>
    </message>
    <message>
        <source>Rights marked</source>
        <translation>Droits signalés</translation>
    </message>
    <message>
        <source>Creative Commons licence</source>
        <translation>Licence Creative Commons</translation>
    </message>
    <message>
        <source>Attribution name</source>
        <translation>Nom pour l’attribution</translation>
    </message>
    <message>
        <source>Attribution address</source>
        <translation>Adresse pour l’attribution</translation>
    </message>
    <message>
        <source>Model release</source>
        <translation>Autorisation des personnes</translation>
    </message>
    <message>
        <source>Property release</source>
        <translation>Autorisation des biens</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Source page</source>
        <translation>Page source</translation>
    </message>
    <message>
        <source>Rights expiry</source>
        <translation>Expiration des droits</translation>
    </message>
    <message>
        <source>Cropped</source>
        <translation>Recadrage</translation>
    </message>
    <message>
        <source>Printed credit</source>
        <translation>Crédit imprimé</translation>
    </message>
    <message>
        <source>First used in</source>
        <translation>Utilisée d’abord dans</translation>
    </message>
    <message>
        <source>Headline of the first use</source>
        <translation>Titre de la première utilisation</translation>
    </message>
    <message>
        <source>Where the file disagrees</source>
        <translation>Divergences du fichier</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(non indiqué)</translation>
    </message>
    <message>
        <source>Rights-managed</source>
        <translation>Droits gérés</translation>
    </message>
    <message>
        <source>Public domain</source>
        <translation>Domaine public</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Sans objet</translation>
    </message>
    <message>
        <source>Unlimited model releases</source>
        <translation>Autorisations des personnes sans réserve</translation>
    </message>
    <message>
        <source>Limited or incomplete model releases</source>
        <translation>Autorisations des personnes limitées ou incomplètes</translation>
    </message>
    <message>
        <source>Unlimited property releases</source>
        <translation>Autorisations des biens sans réserve</translation>
    </message>
    <message>
        <source>Limited or incomplete property releases</source>
        <translation>Autorisations des biens limitées ou incomplètes</translation>
    </message>
    <message>
        <source>Mandatory credit</source>
        <translation>Crédit obligatoire</translation>
    </message>
    <message>
        <source>One-time use</source>
        <translation>Usage unique</translation>
    </message>
    <message>
        <source>No archives</source>
        <translation>Pas d’archivage</translation>
    </message>
    <message>
        <source>No sales</source>
        <translation>Pas de vente</translation>
    </message>
    <message>
        <source>Editorial use only</source>
        <translation>Usage éditorial uniquement</translation>
    </message>
    <message>
        <source>No magazines</source>
        <translation>Pas de magazines</translation>
    </message>
    <message>
        <source>Embargo</source>
        <translation>Embargo</translation>
    </message>
    <message>
        <source>Handout</source>
        <translation>Document remis</translation>
    </message>
    <message>
        <source>File photo</source>
        <translation>Photo d’archives</translation>
    </message>
    <message>
        <source>To read: %1</source>
        <translation>À lire&#xa0;: %1</translation>
    </message>
    <message>
        <source>no date given</source>
        <translation>sans date</translation>
    </message>
    <message>
        <source>Supplier’s instructions:</source>
        <translation>Instructions du fournisseur&#xa0;:</translation>
    </message>
    <message>
        <source>The file’s metadata disagrees with itself. Pick the value to keep for each field: it is written to IIM and XMP alike on export.</source>
        <translation>Les métadonnées du fichier se contredisent. Choisissez la valeur à garder pour chaque champ&#xa0;: elle est écrite dans l’IIM comme dans le XMP à l’export.</translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation>«&#xa0;%1&#xa0;» (%2)</translation>
    </message>
    <message>
        <source>Keep this value (shown now)</source>
        <translation>Garder cette valeur (affichée)</translation>
    </message>
    <message>
        <source>Use this value instead</source>
        <translation>Utiliser plutôt cette valeur</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message numerus="yes">
        <source>%n package(s) exported</source>
        <translation>
            <numerusform>%n paquet exporté</numerusform>
            <numerusform>%n paquets exportés</numerusform>
        </translation>
    </message>
    <message>
        <source>Package Exported</source>
        <translation>Paquet exporté</translation>
    </message>
    <message>
        <source>“%1” was exported.</source>
        <translation>«&#xa0;%1&#xa0;» a été exporté.</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Package: %1</source>
        <translation>Paquet&#xa0;: %1</translation>
    </message>
    <message>
        <source>It replaces the package of the same name.</source>
        <translation>Il remplace le paquet du même nom.</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>The package could not be written: %1.</source>
        <translation>Le paquet n’a pas pu être écrit&#xa0;: %1.</translation>
    </message>
    <message>
        <source>%1
Nothing was written.</source>
        <translation>%1
Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>The article could not be exported.</source>
        <translation>L’article n’a pas pu être exporté.</translation>
    </message>
    <message>
        <source>%1: %2. Nothing was written.</source>
        <translation>%1&#xa0;: %2. Rien n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>field</name>
    <message>
        <source>Dateline</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>Édition</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>Publicité</translation>
    </message>
    <message>
        <source>Kicker</source>
        <translation>Surtitre</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Standfirst</source>
        <translation>Chapeau</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <source>Lead picture</source>
        <translation>Photo principale</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corps du texte</translation>
    </message>
    <message>
        <source>Related links title</source>
        <translation>Titre des liens associés</translation>
    </message>
    <message>
        <source>Related links</source>
        <translation>Liens associés</translation>
    </message>
</context>
<context>
    <name>focus_texts</name>
    <message>
        <source>&amp;Focus Mode</source>
        <translation>Mode &amp;concentration</translation>
    </message>
    <message>
        <source>Only the editor and the preview, for writing</source>
        <translation>Seulement l’éditeur et l’aperçu, pour écrire</translation>
    </message>
</context>
<context>
    <name>help_texts</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guide d’utilisation</translation>
    </message>
    <message>
        <source>&amp;About Copydesk</source>
        <translation>À &amp;propos de Copydesk</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Search actions and keys</source>
        <translation>Rechercher une action ou une touche</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Copydesk User Guide</source>
        <translation>Guide d’utilisation de Copydesk</translation>
    </message>
    <message>
        <source>Copydesk %1: an editorial workstation.</source>
        <translation>Copydesk %1&#xa0;: un poste de travail éditorial.</translation>
    </message>
    <message>
        <source>Licence: GNU GPL version 3 or later.</source>
        <translation>Licence&#xa0;: GNU GPL version 3 ou ultérieure.</translation>
    </message>
    <message>
        <source>Qt %1 and PySide6 %2 (LGPL 3), Python %3 on %4.</source>
        <translation>Qt %1 et PySide6 %2 (LGPL 3), Python %3 sous %4.</translation>
    </message>
    <message>
        <source>About Copydesk</source>
        <translation>À propos de Copydesk</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>saved</source>
        <translation>enregistrée</translation>
    </message>
    <message>
        <source>while editing</source>
        <translation>pendant la rédaction</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>avant une restauration</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restaurée</translation>
    </message>
    <message>
        <source>other window&apos;s version</source>
        <translation>version d’une autre fenêtre</translation>
    </message>
    <message>
        <source>version set aside</source>
        <translation>version mise de côté</translation>
    </message>
    <message>
        <source>from the desk</source>
        <translation>venue de la rédaction</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>fusionnée</translation>
    </message>
    <message>
        <source>conflict settled</source>
        <translation>conflit réglé</translation>
    </message>
    <message>
        <source>This revision is the same as the current text.</source>
        <translation>Cette version est identique au texte actuel.</translation>
    </message>
    <message numerus="yes">
        <source>… %n unchanged line(s) …</source>
        <translation>
            <numerusform>… %n ligne inchangée …</numerusform>
            <numerusform>… %n lignes inchangées …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>importing</name>
    <message numerus="yes">
        <source>%n article(s) imported</source>
        <translation>
            <numerusform>%n article importé</numerusform>
            <numerusform>%n articles importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) refused</source>
        <translation>
            <numerusform>%n fichier refusé</numerusform>
            <numerusform>%n fichiers refusés</numerusform>
        </translation>
    </message>
    <message>
        <source>No file to import was found.</source>
        <translation>Aucun fichier à importer n’a été trouvé.</translation>
    </message>
    <message>
        <source>%1, %2.</source>
        <translation>%1, %2.</translation>
    </message>
    <message>
        <source>Import cancelled: the files not started were left out.</source>
        <translation>Import annulé&#xa0;: les fichiers qui n’avaient pas commencé ont été laissés de côté.</translation>
    </message>
    <message>
        <source>%1 — refused:</source>
        <translation>%1 — refusé&#xa0;:</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>%1 — imported as “%2”:</source>
        <translation>%1 — importé sous le titre «&#xa0;%2&#xa0;»&#xa0;:</translation>
    </message>
</context>
<context>
    <name>language</name>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
</context>
<context>
    <name>panes</name>
    <message>
        <source>Go to the Article List</source>
        <translation>Aller à la liste des articles</translation>
    </message>
    <message>
        <source>Go to the Editor</source>
        <translation>Aller à l’éditeur</translation>
    </message>
    <message>
        <source>Go to the Preview</source>
        <translation>Aller à l’aperçu</translation>
    </message>
    <message>
        <source>Go to the Checks</source>
        <translation>Aller aux vérifications</translation>
    </message>
    <message>
        <source>Go to Pictures and Credits</source>
        <translation>Aller aux images et crédits</translation>
    </message>
    <message>
        <source>Next Pane</source>
        <translation>Volet suivant</translation>
    </message>
    <message>
        <source>Previous Pane</source>
        <translation>Volet précédent</translation>
    </message>
</context>
<context>
    <name>screenshot</name>
    <message>
        <source>Cannot save the screenshot: the folder %1 does not exist.</source>
        <translation>Impossible d’enregistrer la capture d’écran&#xa0;: le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <source>Cannot take the screenshot: %1</source>
        <translation>Impossible de faire la capture d’écran&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to %1.</source>
        <translation>Impossible d’écrire la capture d’écran dans %1.</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En relecture</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié</translation>
    </message>
</context>
</TS>
