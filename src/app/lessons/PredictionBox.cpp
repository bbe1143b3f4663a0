#include "PredictionBox.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

PredictionBox::PredictionBox(QWidget *parent)
    : QGroupBox(parent)
    , m_question(new QLabel(this))
    , m_layout(new QVBoxLayout(this))
    , m_group(new QButtonGroup(this))
    , m_skip(new QRadioButton(this))
{
    setObjectName(u"predictionBox"_s);
    m_question->setObjectName(u"predictionQuestion"_s);
    m_question->setWordWrap(true);
    m_skip->setObjectName(u"predictionSkip"_s);
    m_layout->setContentsMargins(6, 4, 6, 4);
    m_layout->setSpacing(2);
    m_layout->addWidget(m_question);
    m_layout->addWidget(m_skip);
    m_group->addButton(m_skip, -1);
    m_skip->setChecked(true);
    retranslate();
}

void PredictionBox::setPrediction(const Prediction &prediction)
{
    m_question->setText(prediction.question);
    qDeleteAll(m_rows);
    m_rows.clear();
    m_choices.clear();
    for (qsizetype i = 0; i < prediction.choices.size(); ++i) {
        auto *row = new QWidget(this);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto *button = new QRadioButton(row);
        button->setObjectName(u"predictionChoice%1"_s.arg(i));
        button->setAccessibleName(prediction.choices.at(i));
        auto *words = new QLabel(prediction.choices.at(i), row);
        words->setWordWrap(true);
        words->setBuddy(button);
        words->installEventFilter(this);
        words->setProperty("choice", int(i));
        rowLayout->addWidget(button, 0, Qt::AlignTop);
        rowLayout->addWidget(words, 1);
        m_group->addButton(button, int(i));
        m_layout->insertWidget(int(1 + i), row);
        m_choices << button;
        m_rows << row;
    }
    m_skip->setChecked(true);
    setVisible(!prediction.choices.isEmpty());
}

int PredictionBox::choice() const
{
    for (qsizetype i = 0; i < m_choices.size(); ++i)
        if (m_choices.at(i)->isChecked())
            return int(i);
    return -1;
}

void PredictionBox::setChoice(int choice)
{
    if (choice >= 0 && choice < m_choices.size())
        m_choices.at(choice)->setChecked(true);
    else
        m_skip->setChecked(true);
}

bool PredictionBox::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonRelease && isEnabled()) {
        const int choice = watched->property("choice").toInt();
        if (choice >= 0 && choice < m_choices.size())
            m_choices.at(choice)->setChecked(true);
    }
    return QGroupBox::eventFilter(watched, event);
}

void PredictionBox::retranslate()
{
    setTitle(tr("Predict, then run"));
    m_skip->setText(tr("Skip (no prediction)"));
}

void PredictionBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}
