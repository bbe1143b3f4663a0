#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;
class ReplayController;

// The timeline under a replayed session: play/pause, the speed (1× or 4×), a slider over the whole session and
// the time it stands at. Dragging the slider seeks; playing moves it.
class ReplayBar : public QWidget
{
    Q_OBJECT
public:
    explicit ReplayBar(ReplayController *replay, QWidget *parent = nullptr);

    // Takes the new session's length after a load.
    void reset();
    QSlider *slider() const { return m_slider; }
    QToolButton *playButton() const { return m_play; }
    QComboBox *speedBox() const { return m_speed; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showPosition();
    void retranslate();

    ReplayController *m_replay;
    QToolButton *m_play;
    QComboBox *m_speed;
    QSlider *m_slider;
    QLabel *m_time;
};
