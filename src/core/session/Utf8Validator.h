#pragma once

#include <QByteArrayView>

// Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. Session lines are
// checked with it before JSON parsing because QJsonDocument silently replaces invalid bytes with U+FFFD, and a file
// that is not what it claims to be must be refused, not quietly altered.
class Utf8Validator
{
public:
    // True when all of bytes is valid UTF-8.
    static bool isValid(QByteArrayView bytes);
    // The length of the longest valid prefix (bytes.size() when everything is valid).
    static qsizetype validPrefixLength(QByteArrayView bytes);
};
