#pragma once
// Precompiled header of the window: the Qt Widgets headers most files include.
#include <QAction>
#include <QApplication>
#include <QHash>
#include <QLabel>
#include <QList>
#include <QMainWindow>
#include <QObject>
#include <QString>
#include <QWidget>
