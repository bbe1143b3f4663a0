#pragma once
// Precompiled header of proclab_core: the Qt Core headers nearly every file includes.
#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>
