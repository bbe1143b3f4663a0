#include "ReplayBar.h"

#include "ReplayController.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

ReplayBar::ReplayBar(ReplayController *replay, QWidget *parent)
    : QWidget(parent)
    , m_replay(replay)
    , m_play(new QToolButton(this))
    , m_speed(new QComboBox(this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_time(new QLabel(this))
{
    m_speed->addItem(QString(), 1.0);
    m_speed->addItem(QString(), 4.0);
    m_slider->setMinimumWidth(300);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_play);
    layout->addWidget(m_speed);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_time);

    connect(m_play, &QToolButton::clicked, this, [this] {
        if (m_replay->isPlaying())
            m_replay->pause();
        else
            m_replay->play(m_speed->currentData().toDouble());
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] {
        if (m_replay->isPlaying())
            m_replay->play(m_speed->currentData().toDouble());
    });
    // Slider units are milliseconds of session time.
    connect(m_slider, &QSlider::valueChanged, this, [this](int ms) { m_replay->seek(ms / 1000.0); });
    connect(m_replay, &ReplayController::moved, this, &ReplayBar::showPosition);
    connect(m_replay, &ReplayController::playingChanged, this, &ReplayBar::retranslate);
    retranslate();
}

void ReplayBar::reset()
{
    const QSignalBlocker blocker(m_slider);
    m_slider->setRange(0, int(m_replay->duration() * 1000));
    m_slider->setPageStep(std::max(1000, m_slider->maximum() / 20));
    m_slider->setSingleStep(100);
    showPosition();
}

void ReplayBar::showPosition()
{
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setValue(int(m_replay->position() * 1000));
    }
    m_time->setText(tr("%1 s of %2 s").arg(m_replay->position(), 0, 'f', 1).arg(m_replay->duration(), 0, 'f', 1));
}

void ReplayBar::retranslate()
{
    const bool playing = m_replay->isPlaying();
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(playing ? tr("Pause the replay") : tr("Play the replay"));
    m_speed->setItemText(0, tr("1×"));
    m_speed->setItemText(1, tr("4×"));
    m_speed->setToolTip(tr("Replay speed"));
    m_slider->setToolTip(tr("The moment every view shows: drag to go there"));
    showPosition();
}

void ReplayBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
