#pragma once

#include "SessionExporter.h"

class QIODevice;
class SessionReportData;
struct SessionHeader;

// One self-contained HTML page a student can hand in: the experiment and its parameters, the phenomenon's
// verdict, the explanation (when the header carries one), charts of per-core load, queue depth and the threads'
// states as inline SVG (SessionCharts), and a table of the events. Nothing is loaded from the network: no
// scripts, fonts or images from elsewhere, so it opens the same offline and years later.
class HtmlReportExporter : public SessionExporter
{
public:
    QString format() const override;
    bool exportTo(SessionReader &reader, const QString &outputPath) override;
    // The same into an open device (tests, the fuzzer).
    bool write(SessionReader &reader, QIODevice *out);
    // The page's look, shared with every page ProcLab writes (LessonPathReport): system fonts, nothing fetched.
    static QString styleSheet();

private:
    static QString page(const SessionHeader &header, const SessionReportData &data, const QString &note);
    static QString summary(const SessionHeader &header, const SessionReportData &data);
    static QString verdict(const SessionReportData &data);
    // A section per CPython process whose GIL was read: each thread's share, the hand-overs, the bands.
    static QString gilSections(const SessionReportData &data);
    static QString resultCard(const SessionReportData &data);
    static QString parameters(const SessionHeader &header);
    static QString eventTable(const SessionReportData &data);
    static QString eventSummary(const QString &kind, const QJsonObject &fields);
};
