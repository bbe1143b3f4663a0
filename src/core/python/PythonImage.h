#pragma once

#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

#include <optional>

// The CPython interpreter mapped into a process, as /proc/PID/maps shows it: libpython3.X.so when the program
// links it (then the python3.X executable is a small launcher), else the python3.X executable itself.
struct PythonImage
{
    QString path;              // the mapped file
    int major = 0;
    int minor = 0;
    QString abiFlags;          // what follows X.Y in the name: "t" free-threaded, "d" debug; "" for the default
    bool library = false;      // libpython, not the executable
    quint64 mapStart = 0;      // start of the mapping of the file's offset 0

    QString version() const { return QStringLiteral("%1.%2").arg(major).arg(minor); }
    bool freeThreaded() const { return abiFlags.contains(QLatin1Char('t')); }

    // Pure: finds the interpreter in the text of /proc/PID/maps (at most MaxMapsBytes of it are looked at).
    // Nothing when no mapping is named like CPython's.
    static std::optional<PythonImage> fromMaps(QByteArrayView maps);
    static constexpr qsizetype MaxMapsBytes = 8 * 1024 * 1024;
};
