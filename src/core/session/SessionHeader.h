#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// Line 1 of a session file: what was run, where and when. See docs/session-format.md.
struct SessionHeader
{
    Q_DECLARE_TR_FUNCTIONS(SessionHeader)
public:
    static constexpr int CurrentVersion = 1;
    static constexpr int MaxCores = 4096;             // the same as SessionFieldCheck::MaxCores
    static constexpr double MaxStartUnix = 32503680000; // the year 3000

    double startUnix = 0; // wall-clock seconds since the epoch at t = 0
    QString host;
    int cores = 0;
    QString kernel;     // uname -r
    QString experiment; // an experiment id, or "exec" for a program run under ProcLab
    QJsonObject parameters;
    QString explanation;    // optional: the experiment's explanation, shown in the HTML report
    QString proclabVersion; // optional: the ProcLab that wrote the file
    QJsonObject extra;      // keys this version does not know; kept so a normalised copy loses nothing

    // A header for a session starting now on this machine (host name, online cores, kernel release).
    static SessionHeader forThisMachine(const QString &experiment, const QJsonObject &parameters, double startUnix);

    QJsonObject toJson() const;
    // The compact header line, without the trailing newline; keys in a fixed order (format and version first).
    QByteArray toJsonLine() const;
    // Reads a header object. Returns an empty string on success, else what is wrong, in words for the user
    // (not a ProcLab session, a version this build cannot read, a missing or mistyped key, "cores" outside
    // 0…MaxCores, "start_unix" outside 0…MaxStartUnix).
    static QString fromJson(const QJsonObject &object, SessionHeader *header);
};
