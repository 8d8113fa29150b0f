<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ArticleEditor</name>
    <message numerus="yes">
        <source>Related links (%n)</source>
        <translation>
            <numerusform>Related links (%n)</numerusform>
            <numerusform>Related links (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
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
            <numerusform>More than %Ln article</numerusform>
            <numerusform>More than %Ln articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchReportDialog</name>
    <message numerus="yes">
        <source>%n refused by their checks</source>
        <translation>
            <numerusform>%n refused by their checks</numerusform>
            <numerusform>%n refused by their checks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message numerus="yes">
        <source>Exporting the packages… %1 of %n</source>
        <translation>
            <numerusform>Exporting the packages… %1 of %n</numerusform>
            <numerusform>Exporting the packages… %1 of %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>This article has %n error(s): it cannot be exported until they are fixed.</source>
        <translation>
            <numerusform>This article has %n error: it cannot be exported until it is fixed.</numerusform>
            <numerusform>This article has %n errors: it cannot be exported until they are fixed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n article(s) in the list (its search and status filter)</source>
        <translation>
            <numerusform>The article in the list (its search and status filter)</numerusform>
            <numerusform>The %n articles in the list (its search and status filter)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The articles in the list, more than %n (its search and status filter)</source>
        <translation>
            <numerusform>The articles in the list, more than %n (its search and status filter)</numerusform>
            <numerusform>The articles in the list, more than %n (its search and status filter)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>Replaced %n match(es)</source>
        <translation>
            <numerusform>Replaced %n match</numerusform>
            <numerusform>Replaced %n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message numerus="yes">
        <source>Importing the articles… %1 of %n</source>
        <translation>
            <numerusform>Importing the articles… %1 of %n</numerusform>
            <numerusform>Importing the articles… %1 of %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibrarySession</name>
    <message numerus="yes">
        <source>Changes to %n article(s) could not be saved:
%1</source>
        <translation>
            <numerusform>Changes to %n article could not be saved:
%1</numerusform>
            <numerusform>Changes to %n articles could not be saved:
%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewsroomBar</name>
    <message numerus="yes">
        <source>%n article(s) changed both here and on the desk: choose what to keep.</source>
        <translation>
            <numerusform>%n article changed both here and on the desk: choose what to keep.</numerusform>
            <numerusform>%n articles changed both here and on the desk: choose what to keep.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewsroomController</name>
    <message numerus="yes">
        <source>%n change(s) not yet sent will stay only in this library.</source>
        <translation>
            <numerusform>%n change not yet sent will stay only in this library.</numerusform>
            <numerusform>%n changes not yet sent will stay only in this library.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PictureChooser</name>
    <message numerus="yes">
        <source>%n picture(s) in the library</source>
        <translation>
            <numerusform>%n picture in the library</numerusform>
            <numerusform>%n pictures in the library</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PictureLibraryWindow</name>
    <message numerus="yes">
        <source>%1 of %Ln picture(s)</source>
        <translation>
            <numerusform>%1 of %Ln picture</numerusform>
            <numerusform>%1 of %Ln pictures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>checking the credits of %Ln picture(s)…</source>
        <translation>
            <numerusform>checking the credits of %Ln picture…</numerusform>
            <numerusform>checking the credits of %Ln pictures…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (and %n more)</numerusform>
            <numerusform>%1 (and %n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PictureStatusWords</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RefusedDialog</name>
    <message numerus="yes">
        <source>“%1” was not exported: its checks found %n problem(s) to fix first.</source>
        <translation>
            <numerusform>“%1” was not exported: its checks found a problem to fix first.</numerusform>
            <numerusform>“%1” was not exported: its checks found %n problems to fix first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerResultsPanel</name>
    <message numerus="yes">
        <source>On the newsroom server, more than %n article(s):</source>
        <translation>
            <numerusform>On the newsroom server, more than %n article:</numerusform>
            <numerusform>On the newsroom server, more than %n articles:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On the newsroom server, %n article(s):</source>
        <translation>
            <numerusform>On the newsroom server, %n article:</numerusform>
            <numerusform>On the newsroom server, %n articles:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle</source>
        <translation>
            <numerusform>%n conflict to settle</numerusform>
            <numerusform>%n conflicts to settle</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>export</name>
    <message numerus="yes">
        <source>%n package(s) exported</source>
        <translation>
            <numerusform>%n package exported</numerusform>
            <numerusform>%n packages exported</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>history</name>
    <message numerus="yes">
        <source>… %n unchanged line(s) …</source>
        <translation>
            <numerusform>… %n unchanged line …</numerusform>
            <numerusform>… %n unchanged lines …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>importing</name>
    <message numerus="yes">
        <source>%n article(s) imported</source>
        <translation>
            <numerusform>%n article imported</numerusform>
            <numerusform>%n articles imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) refused</source>
        <translation>
            <numerusform>%n file refused</numerusform>
            <numerusform>%n files refused</numerusform>
        </translation>
    </message>
</context>
</TS>
