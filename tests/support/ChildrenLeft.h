#pragma once

#include <QStringList>

// The PIDs of every child of every thread of this test process, zombies included (/proc/self/task/*/children).
// A test that drives the window or the lab checks, once the lab is stopped, that this is empty: the supervisor
// reaps everything it started, and a child of a thread other than the main one counts as well.
QStringList childrenLeft();
