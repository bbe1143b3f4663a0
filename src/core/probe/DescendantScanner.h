#pragma once

#include "ProcSource.h"

#include <QList>

// Finds every descendant of some processes through /proc/<pid>/task/<tid>/children, which lists the children each
// thread created (or was handed as a subreaper) — so every thread's file must be read, not only the main one's.
class DescendantScanner
{
public:
    // The descendants of roots (the roots themselves not included), in the order found (breadth-first), each once
    // even if the tree changes under the walk. Processes that vanish during the walk are skipped.
    static QList<int> scan(const ProcSource &source, const QList<int> &roots);
};
