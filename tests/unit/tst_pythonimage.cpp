// PythonImage::fromMaps over /proc/PID/maps texts: Debian's python3.11 executable, a program linking
// libpython, a free-threaded build, names that only look like Python, deleted files, malformed lines.
#include "python/PythonImage.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_PythonImage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromMaps_data();
    void fromMaps();
    void ownMapsHaveNoPython();
};

void tst_PythonImage::fromMaps_data()
{
    QTest::addColumn<QByteArray>("maps");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("flags");
    QTest::addColumn<bool>("library");
    QTest::addColumn<quint64>("start");

    QTest::newRow("debian executable")
        << QByteArray("00400000-00420000 r--p 00000000 fe:00 1234   /usr/bin/python3.11\n"
                      "00420000-00700000 r-xp 00020000 fe:00 1234   /usr/bin/python3.11\n"
                      "7f0000000000-7f0000001000 r--p 00000000 fe:00 99  /usr/lib/x86_64-linux-gnu/libc.so.6\n")
        << true << u"/usr/bin/python3.11"_s << u"3.11"_s << QString() << false << quint64(0x400000);
    QTest::newRow("libpython wins over the launcher")
        << QByteArray("5655aa000000-5655aa001000 r--p 00000000 fe:00 18624 /opt/py/bin/python3.12\n"
                      "7f9881000000-7f9881100000 r--p 00000000 fe:00 18700 /opt/py/lib/libpython3.12.so.1.0\n"
                      "7f9881100000-7f9881400000 r-xp 00100000 fe:00 18700 /opt/py/lib/libpython3.12.so.1.0\n")
        << true << u"/opt/py/lib/libpython3.12.so.1.0"_s << u"3.12"_s << QString() << true
        << quint64(0x7f9881000000);
    QTest::newRow("free-threaded")
        << QByteArray("00400000-00420000 r--p 00000000 fe:00 1 /usr/bin/python3.13t\n") << true
        << u"/usr/bin/python3.13t"_s << u"3.13"_s << u"t"_s << false << quint64(0x400000);
    QTest::newRow("space in the path")
        << QByteArray("00400000-00420000 r--p 00000000 fe:00 1     /home/a b/venv/bin/python3.11\n") << true
        << u"/home/a b/venv/bin/python3.11"_s << u"3.11"_s << QString() << false << quint64(0x400000);
    QTest::newRow("only a later segment mapped")
        << QByteArray("00420000-00700000 r-xp 00020000 fe:00 1234 /usr/bin/python3.11\n") << false << QString()
        << QString() << QString() << false << quint64(0);
    QTest::newRow("deleted")
        << QByteArray("00400000-00420000 r--p 00000000 fe:00 1234 /usr/bin/python3.11 (deleted)\n") << false
        << QString() << QString() << QString() << false << quint64(0);
    QTest::newRow("look-alikes")
        << QByteArray("00400000-00420000 r--p 00000000 fe:00 1 /usr/bin/python3.11-config\n"
                      "00500000-00520000 r--p 00000000 fe:00 2 /usr/bin/python3\n"
                      "00600000-00620000 r--p 00000000 fe:00 3 /usr/lib/python3.11/lib-dynload/_ssl.so\n"
                      "00700000-00720000 r--p 00000000 fe:00 4 /tmp/notpython3.11\n")
        << false << QString() << QString() << QString() << false << quint64(0);
    QTest::newRow("malformed lines")
        << QByteArray("zz-00420000 r--p 00000000 fe:00 1 /usr/bin/python3.11\n"
                      "00400000 r--p 00000000 fe:00 1 /usr/bin/python3.11\n"
                      "00400000-00420000 r--p nothex fe:00 1 /usr/bin/python3.11\n"
                      "00400000-00420000\n\n\n")
        << false << QString() << QString() << QString() << false << quint64(0);
    QTest::newRow("anonymous and special")
        << QByteArray("00400000-00420000 rw-p 00000000 00:00 0 \n7ffc0000-7ffc1000 rw-p 00000000 00:00 0 [stack]\n")
        << false << QString() << QString() << QString() << false << quint64(0);
}

void tst_PythonImage::fromMaps()
{
    QFETCH(QByteArray, maps);
    QFETCH(bool, found);
    const std::optional<PythonImage> image = PythonImage::fromMaps(maps);
    QCOMPARE(image.has_value(), found);
    if (!found)
        return;
    QFETCH(QString, path);
    QFETCH(QString, version);
    QFETCH(QString, flags);
    QFETCH(bool, library);
    QFETCH(quint64, start);
    QCOMPARE(image->path, path);
    QCOMPARE(image->version(), version);
    QCOMPARE(image->abiFlags, flags);
    QCOMPARE(image->library, library);
    QCOMPARE(image->mapStart, start);
    QCOMPARE(image->freeThreaded(), flags == u"t"_s);
}

void tst_PythonImage::ownMapsHaveNoPython()
{
    // The real file, beside the fixtures: this test's own process is no Python.
    QFile maps(u"/proc/self/maps"_s);
    QVERIFY(maps.open(QIODevice::ReadOnly));
    QVERIFY(!PythonImage::fromMaps(maps.readAll()).has_value());
}

QTEST_APPLESS_MAIN(tst_PythonImage)
#include "tst_pythonimage.moc"
