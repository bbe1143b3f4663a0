#pragma once

#include <QDialog>

class QTreeWidget;

// Session ▸ Open…: the recordings in a folder (ProcLab's sessions folder), newest first, each with its experiment,
// its start in the window's language and its size, read from the files' headers; "Browse…" for a file elsewhere
// (Qt's file dialog, filtered on sessions). Sized from the font, so no column is cut.
class SessionOpenDialog : public QDialog
{
    Q_OBJECT
public:
    SessionOpenDialog(const QString &folder, QWidget *parent = nullptr);

    // The file chosen, or empty.
    QString chosenPath() const { return m_chosen; }
    // Shows the dialog and returns the file chosen, or empty.
    static QString choose(const QString &folder, QWidget *parent);
    QTreeWidget *list() const { return m_list; }

private:
    void fill(const QString &folder);
    void browse();

    QTreeWidget *m_list;
    QString m_folder;
    QString m_chosen;
};
