#pragma once

#include <QHash>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <chrono>
#include <optional>

#include "result.h"

namespace facepos {

enum class SettingType {
    String,    // free text, optionally required to be non-empty or to match a pattern
    Integer,   // a whole number within [minimum, maximum]
    Boolean,   // true/false (also accepted: yes/no, on/off, 1/0)
    Enum,      // one of `allowed`
    Duration,  // a whole number of `unit`s within [minimum, maximum]; the key's name says the unit (_ms, _minutes)
};

// One declared configuration key. Every key the application reads is declared once, in the table in settings.cpp;
// docs/configuration.md documents the same table (a test keeps the two in step).
struct SettingSpec {
    QString key;  // "section.name", lower case
    SettingType type = SettingType::String;
    QString defaultValue;  // as it would be written in the file; validated like any other value
    QStringList allowed;   // Enum: the accepted values, spelled as they are returned
    qint64 minimum = 0;    // Integer, Duration: inclusive range, in the key's unit
    qint64 maximum = 0;
    std::chrono::milliseconds unit{1};  // Duration: the length of one unit
    bool allowEmpty = true;             // String: whether "" is accepted
    QString pattern;                    // String: if set, the whole value must match this regular expression
    QString description;                // one line, for the technician screen and the documentation

    QString section() const;  // "backend" for "backend.url"
    QString name() const;     // "url" for "backend.url"
    // FACEPOS_<SECTION>_<NAME>, upper case, dots as underscores: FACEPOS_BACKEND_URL.
    QString environmentVariable() const;
    // The accepted values in words, as used in error messages: "an integer from 1 to 120".
    QString allowedDescription() const;
};

// Where settings come from. Default-constructed, it reads nothing but the built-in defaults (what tests want);
// forApplication() describes what the running terminal reads.
struct SettingsSources {
    QString filePath;                 // empty: no file is read
    bool filePathExplicit = false;    // given with --config: a missing file is then an error, not "use defaults"
    QProcessEnvironment environment;  // only FACEPOS_* variables are looked at
    QStringList overrides;            // "section.key=value" from --set, in command-line order; later ones win

    static QString defaultFilePath();  // /etc/facepos/facepos.conf

    // `configFile` as given with --config, empty when the flag was absent (the default path is then read if present).
    static SettingsSources forApplication(const QString& configFile, const QStringList& overrides,
                                          const QProcessEnvironment& environment);
};

// The effective configuration: built-in defaults < config file < FACEPOS_* environment < --set flags.
//
// A value type, immutable after load(): copies are cheap (implicitly shared) and any thread may read one
// concurrently. Reading an undeclared key, or reading a key with the getter of another type, is a programming
// error and aborts with qFatal naming the key, so a typo cannot silently yield an empty value.
class Settings {
public:
    // Errors (the first found is returned): settings.missing_file, settings.unreadable, settings.malformed,
    // settings.duplicate_key, settings.unknown_key (with the nearest declared key suggested), settings.bad_value.
    // Each message names the source: "<file> line N", the environment variable, or the --set flag.
    static Result<Settings> load(const SettingsSources& sources);

    // Every key at its built-in default.
    static Settings defaults();

    static const QList<SettingSpec>& specs();
    static const SettingSpec* spec(QStringView key);  // nullptr when `key` is not declared

    // Any key, as canonical text (enum values in their declared spelling, booleans as "true"/"false").
    QString string(QStringView key) const;
    int integer(QStringView key) const;                         // Integer keys
    bool boolean(QStringView key) const;                        // Boolean keys
    std::chrono::milliseconds duration(QStringView key) const;  // Duration keys, converted from the key's unit

    // Where the value came from, for the technician screen: "default", "/etc/facepos/facepos.conf:7",
    // "env FACEPOS_BACKEND_URL" or "flag --set backend.url".
    QString origin(QStringView key) const;

private:
    struct Entry {
        QString text;
        qint64 number = 0;  // Integer, Duration: the value; Boolean: 0 or 1
        QString origin;
    };

    friend struct SettingsParser;  // settings.cpp: fills m_entries from each source

    Settings() = default;
    // `expected` empty: any type (string(), origin()).
    const Entry& entry(QStringView key, std::optional<SettingType> expected, const char* getter) const;

    QHash<QString, Entry> m_entries;
};

}  // namespace facepos
