#pragma once

#include "experiments/ParameterValues.h"

#include <QHash>
#include <QWidget>

class QFormLayout;

// The form of one experiment's parameters, generated from its ParameterSpecs: a spin box with the spec's real
// range for Int and Double, a combo box for Choice, a check box for Bool. Each editor is named "param_<name>" and
// carries the description as tool tip and accessible description. While the experiment runs only live parameters
// stay editable; a change to one is announced by liveChanged() in the `--set` text form.
class ParameterForm : public QWidget
{
    Q_OBJECT
public:
    explicit ParameterForm(QWidget *parent = nullptr);

    // Replaces the form; the editors show the specs' defaults.
    void setSpecs(const QList<ParameterSpec> &specs);
    const QList<ParameterSpec> &specs() const { return m_specs; }
    // The values shown, checked against the specs (an editor never holds an out-of-range value).
    ParameterValues values() const;
    void setValues(const ParameterValues &values);
    void resetToDefaults();
    void setRunning(bool running);
    QWidget *editor(const QString &name) const { return m_editors.value(name); }
    // The value of one editor as `--set` text ("3", "0.5", "true", "pipe").
    QString text(const QString &name) const;

Q_SIGNALS:
    void liveChanged(const QString &name, const QString &text);

private:
    QWidget *createEditor(const ParameterSpec &spec);
    void setText(const QString &name, const QString &text);
    void announce(const QString &name);

    QFormLayout *m_layout;
    QList<ParameterSpec> m_specs;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QWidget *> m_fields; // the editor, or for a check box the box with its description beside it
    bool m_running = false;
    bool m_filling = false;
};
