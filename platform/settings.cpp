#include "settings.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>
#include <algorithm>
#include <limits>
#include <optional>

namespace facepos {

using namespace std::chrono_literals;

namespace {

// Table helpers: one line per key keeps the table readable and every field in the same place.
enum class Empty { Allowed, Forbidden };

SettingSpec textKey(const char* key, const char* def, const char* description, Empty empty = Empty::Allowed,
                    const char* pattern = "") {
    SettingSpec s;
    s.key = QString::fromUtf8(key);
    s.type = SettingType::String;
    s.defaultValue = QString::fromUtf8(def);
    s.allowEmpty = empty == Empty::Allowed;
    s.pattern = QString::fromUtf8(pattern);
    s.description = QString::fromUtf8(description);
    return s;
}

SettingSpec integerKey(const char* key, qint64 def, qint64 min, qint64 max, const char* description) {
    SettingSpec s;
    s.key = QString::fromUtf8(key);
    s.type = SettingType::Integer;
    s.defaultValue = QString::number(def);
    s.minimum = min;
    s.maximum = max;
    s.description = QString::fromUtf8(description);
    return s;
}

SettingSpec booleanKey(const char* key, bool def, const char* description) {
    SettingSpec s;
    s.key = QString::fromUtf8(key);
    s.type = SettingType::Boolean;
    s.defaultValue = def ? QStringLiteral("true") : QStringLiteral("false");
    s.description = QString::fromUtf8(description);
    return s;
}

SettingSpec enumKey(const char* key, const char* def, std::initializer_list<const char*> allowed,
                    const char* description) {
    SettingSpec s;
    s.key = QString::fromUtf8(key);
    s.type = SettingType::Enum;
    s.defaultValue = QString::fromUtf8(def);
    for (const char* value : allowed) s.allowed.append(QString::fromUtf8(value));
    s.description = QString::fromUtf8(description);
    return s;
}

SettingSpec durationKey(const char* key, qint64 def, std::chrono::milliseconds unit, qint64 min, qint64 max,
                        const char* description) {
    SettingSpec s;
    s.key = QString::fromUtf8(key);
    s.type = SettingType::Duration;
    s.defaultValue = QString::number(def);
    s.unit = unit;
    s.minimum = min;
    s.maximum = max;
    s.description = QString::fromUtf8(description);
    return s;
}

const char* const kEnvPrefix = "FACEPOS_";

QString unitName(std::chrono::milliseconds unit) {
    if (unit == 1ms) return QStringLiteral("milliseconds");
    if (unit == 1s) return QStringLiteral("seconds");
    if (unit == 1min) return QStringLiteral("minutes");
    if (unit == 24h) return QStringLiteral("days");
    return QStringLiteral("units of %1 ms").arg(unit.count());
}

// Where a value came from: `where` prefixes error messages, `origin` is what Settings::origin() reports.
struct Source {
    QString where;
    QString origin;
};

int editDistance(QStringView a, QStringView b) {
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j) previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

QString nearest(QStringView word, const QStringList& candidates) {
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    const QString lowered = word.toString().toLower();
    for (const QString& candidate : candidates) {
        const int d = editDistance(lowered, candidate.toLower());
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return best;
}

QStringList allKeys() {
    QStringList keys;
    for (const SettingSpec& s : Settings::specs()) keys.append(s.key);
    return keys;
}

QStringList allSections() {
    QStringList sections;
    for (const SettingSpec& s : Settings::specs()) {
        if (!sections.contains(s.section())) sections.append(s.section());
    }
    return sections;
}

Error unknownKey(const QString& where, const QString& key) {
    return makeError(QStringLiteral("settings.unknown_key"),
                     QStringLiteral("%1: unknown key '%2'; did you mean '%3'? docs/configuration.md lists every key.")
                         .arg(where, key, nearest(key, allKeys())));
}

Error badValue(const SettingSpec& spec, const Source& source, const QString& value, const QString& reason) {
    return makeError(QStringLiteral("settings.bad_value"),
                     QStringLiteral("%1: value '%2' for %3 is %4; expected %5.")
                         .arg(source.where, value, spec.key, reason, spec.allowedDescription()));
}

}  // namespace

// Reads each source into the entries, in layering order: every assign() replaces the value and its origin.
struct SettingsParser {
    using Entries = QHash<QString, Settings::Entry>;

    static std::optional<Error> assign(Entries& entries, const SettingSpec& spec, const QString& raw,
                                       const Source& source) {
        Settings::Entry entry;
        entry.origin = source.origin;
        switch (spec.type) {
            case SettingType::String: {
                if (!spec.allowEmpty && raw.isEmpty()) return badValue(spec, source, raw, QStringLiteral("empty"));
                if (!spec.pattern.isEmpty()) {
                    const QRegularExpression re(QRegularExpression::anchoredPattern(spec.pattern));
                    if (!re.match(raw).hasMatch()) {
                        return badValue(spec, source, raw, QStringLiteral("not in the required form"));
                    }
                }
                entry.text = raw;
                break;
            }
            case SettingType::Integer:
            case SettingType::Duration: {
                bool ok = false;
                const qint64 number = raw.toLongLong(&ok, 10);
                if (!ok) return badValue(spec, source, raw, QStringLiteral("not a whole number"));
                if (number < spec.minimum || number > spec.maximum) {
                    return badValue(spec, source, raw, QStringLiteral("out of range"));
                }
                entry.number = number;
                entry.text = QString::number(number);
                break;
            }
            case SettingType::Boolean: {
                static const QStringList truthy = {QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("on"),
                                                   QStringLiteral("1")};
                static const QStringList falsy = {QStringLiteral("false"), QStringLiteral("no"), QStringLiteral("off"),
                                                  QStringLiteral("0")};
                if (truthy.contains(raw, Qt::CaseInsensitive)) {
                    entry.number = 1;
                } else if (falsy.contains(raw, Qt::CaseInsensitive)) {
                    entry.number = 0;
                } else {
                    return badValue(spec, source, raw, QStringLiteral("not a boolean"));
                }
                entry.text = entry.number ? QStringLiteral("true") : QStringLiteral("false");
                break;
            }
            case SettingType::Enum: {
                const auto it = std::find_if(spec.allowed.cbegin(), spec.allowed.cend(), [&](const QString& value) {
                    return value.compare(raw, Qt::CaseInsensitive) == 0;
                });
                if (it == spec.allowed.cend()) {
                    return badValue(spec, source, raw, QStringLiteral("not one of the allowed values"));
                }
                entry.text = *it;
                break;
            }
        }
        entries.insert(spec.key, entry);
        return std::nullopt;
    }

    static std::optional<Error> applyFile(Entries& entries, const QString& path, bool explicitPath) {
        const QFileInfo info(path);
        if (!info.exists()) {
            if (!explicitPath) return std::nullopt;
            return makeError(QStringLiteral("settings.missing_file"),
                             QStringLiteral("Configuration file %1 (given with --config) does not exist. Check the "
                                            "path, or leave out --config to use %2.")
                                 .arg(path, SettingsSources::defaultFilePath()));
        }
        QFile file(path);
        if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
            return makeError(QStringLiteral("settings.unreadable"),
                             QStringLiteral("Cannot read configuration file %1: %2. It must be a readable text file.")
                                 .arg(path, info.isDir() ? QStringLiteral("it is a directory") : file.errorString()));
        }
        const QByteArray content = file.readAll();

        const QStringList sections = allSections();
        QHash<QString, int> seenOnLine;
        QString section;
        const QList<QByteArray> lines = content.split('\n');
        for (qsizetype index = 0; index < lines.size(); ++index) {
            const int lineNumber = int(index) + 1;
            const QString where = QStringLiteral("%1 line %2").arg(path, QString::number(lineNumber));

            QStringDecoder decoder(QStringDecoder::Utf8);
            const QString line = QString(decoder(lines[index])).trimmed();
            if (decoder.hasError()) {
                return makeError(QStringLiteral("settings.malformed"),
                                 QStringLiteral("%1: the line is not valid UTF-8. Save the file as UTF-8.").arg(where));
            }
            if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';')) continue;

            if (line.startsWith(u'[')) {
                static const QRegularExpression header(QStringLiteral(R"(^\[\s*([A-Za-z0-9_]+)\s*\]$)"));
                const QRegularExpressionMatch m = header.match(line);
                if (!m.hasMatch()) {
                    return makeError(QStringLiteral("settings.malformed"),
                                     QStringLiteral("%1: expected a section header such as '[backend]', found '%2'.")
                                         .arg(where, line));
                }
                section = m.captured(1);
                if (!sections.contains(section)) {
                    return makeError(QStringLiteral("settings.unknown_key"),
                                     QStringLiteral("%1: unknown section [%2]; did you mean [%3]? "
                                                    "docs/configuration.md lists every key.")
                                         .arg(where, section, nearest(section, sections)));
                }
                continue;
            }

            const qsizetype equals = line.indexOf(u'=');
            const QString name = equals < 0 ? QString() : line.first(equals).trimmed();
            static const QRegularExpression keyName(QStringLiteral(R"(^[A-Za-z0-9_.\-]+$)"));
            if (equals < 0 || !keyName.match(name).hasMatch()) {
                return makeError(QStringLiteral("settings.malformed"),
                                 QStringLiteral("%1: expected 'key = value', a '[section]' header or a comment "
                                                "starting with '#', found '%2'.")
                                     .arg(where, line));
            }
            if (section.isEmpty()) {
                return makeError(QStringLiteral("settings.malformed"),
                                 QStringLiteral("%1: '%2' comes before any section header; put it under its "
                                                "section, e.g. '[backend]' above 'url = …'.")
                                     .arg(where, name));
            }
            const QString key = section + u'.' + name;
            const SettingSpec* spec = Settings::spec(key);
            if (!spec) return unknownKey(where, key);
            if (seenOnLine.contains(key)) {
                return makeError(QStringLiteral("settings.duplicate_key"),
                                 QStringLiteral("%1: %2 is already set on line %3; keep only one of the two lines.")
                                     .arg(where, key, QString::number(seenOnLine.value(key))));
            }
            seenOnLine.insert(key, lineNumber);

            QString value = line.sliced(equals + 1).trimmed();
            // Double quotes keep leading or trailing spaces and make an empty value visible: ca_file = ""
            if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
                value = value.sliced(1, value.size() - 2);

            const Source source{where, QStringLiteral("%1:%2").arg(path, QString::number(lineNumber))};
            if (auto error = assign(entries, *spec, value, source)) return error;
        }
        return std::nullopt;
    }

    static std::optional<Error> applyEnvironment(Entries& entries, const QProcessEnvironment& environment) {
        QStringList variables;
        for (const SettingSpec& spec : Settings::specs()) variables.append(spec.environmentVariable());

        // A FACEPOS_<SECTION>_ variable that names no key is almost certainly a typo; other FACEPOS_ variables
        // (FACEPOS_TEST_DATA, …) belong to other tools and are left alone.
        const QStringList sections = allSections();
        for (const QString& name : environment.keys()) {
            if (!name.startsWith(QLatin1String(kEnvPrefix)) || variables.contains(name)) continue;
            for (const QString& section : sections) {
                if (name.startsWith(QLatin1String(kEnvPrefix) + section.toUpper() + u'_')) {
                    return makeError(QStringLiteral("settings.unknown_key"),
                                     QStringLiteral("environment variable %1: names no setting; did you mean %2? "
                                                    "docs/configuration.md lists every key.")
                                         .arg(name, nearest(name, variables)));
                }
            }
        }

        for (const SettingSpec& spec : Settings::specs()) {
            const QString name = spec.environmentVariable();
            if (!environment.contains(name)) continue;
            const Source source{QStringLiteral("environment variable %1").arg(name),
                                QStringLiteral("env %1").arg(name)};
            if (auto error = assign(entries, spec, environment.value(name).trimmed(), source)) return error;
        }
        return std::nullopt;
    }

    static std::optional<Error> applyOverrides(Entries& entries, const QStringList& overrides) {
        for (const QString& assignment : overrides) {
            const qsizetype equals = assignment.indexOf(u'=');
            const QString key = equals < 0 ? QString() : assignment.first(equals).trimmed();
            const QString where = QStringLiteral("command-line flag --set %1").arg(assignment);
            if (key.isEmpty()) {
                return makeError(
                    QStringLiteral("settings.malformed"),
                    QStringLiteral("%1: expected --set section.key=value, e.g. --set ui.language=en.").arg(where));
            }
            const SettingSpec* spec = Settings::spec(key);
            if (!spec) return unknownKey(where, key);
            const Source source{where, QStringLiteral("flag --set %1").arg(key)};
            if (auto error = assign(entries, *spec, assignment.sliced(equals + 1).trimmed(), source)) return error;
        }
        return std::nullopt;
    }
};

QString SettingSpec::section() const {
    return key.section(u'.', 0, 0);
}

QString SettingSpec::name() const {
    return key.section(u'.', 1);
}

QString SettingSpec::environmentVariable() const {
    return QLatin1String(kEnvPrefix) + QString(key).replace(u'.', u'_').toUpper();
}

QString SettingSpec::allowedDescription() const {
    switch (type) {
        case SettingType::String:
            if (!pattern.isEmpty()) return QStringLiteral("text matching %1").arg(pattern);
            return allowEmpty ? QStringLiteral("any text") : QStringLiteral("non-empty text");
        case SettingType::Integer:
            return QStringLiteral("a whole number from %1 to %2").arg(minimum).arg(maximum);
        case SettingType::Boolean:
            return QStringLiteral("true or false (yes/no, on/off and 1/0 are also accepted)");
        case SettingType::Enum:
            return QStringLiteral("one of: %1").arg(allowed.join(QStringLiteral(", ")));
        case SettingType::Duration:
            return QStringLiteral("a whole number of %1 from %2 to %3").arg(unitName(unit)).arg(minimum).arg(maximum);
    }
    return {};
}

QString SettingsSources::defaultFilePath() {
    return QStringLiteral("/etc/facepos/facepos.conf");
}

SettingsSources SettingsSources::forApplication(const QString& configFile, const QStringList& overrides,
                                                const QProcessEnvironment& environment) {
    SettingsSources sources;
    sources.filePathExplicit = !configFile.isEmpty();
    sources.filePath = sources.filePathExplicit ? configFile : defaultFilePath();
    sources.environment = environment;
    sources.overrides = overrides;
    return sources;
}

// The one table of configuration keys. docs/configuration.md must list every key here (tst_settings checks it).
const QList<SettingSpec>& Settings::specs() {
    static const QList<SettingSpec> table = {
        textKey("data.dir", "/var/lib/facepos", "Directory of the database, the device key store and the logs (logs/).",
                Empty::Forbidden),

        enumKey("log.level", "info", {"debug", "info", "warning", "critical"}, "Lowest level written to the log."),
        integerKey("log.max_file_kb", 1024, 16, 1048576, "Size in KiB at which facepos.log is rotated."),
        integerKey("log.max_files", 5, 1, 100, "Rotated logs kept besides facepos.log (facepos.log.1 … .N)."),
        booleanKey("log.stderr", true, "Also write log lines to standard error (the systemd journal)."),

        textKey("backend.url", "http://127.0.0.1:8480", "Base URL of the Terminal API backend.", Empty::Forbidden,
                R"(https?://\S+)"),
        textKey("backend.ca_file", "", "PEM file of CA certificates trusted for the backend; empty: the system store."),
        textKey("backend.pin_sha256", "",
                "Base64 SHA-256 of the backend's public key (SPKI) to pin; empty: no pinning."),
        durationKey("backend.timeout_ms", 15000, 1ms, 1000, 300000, "Time limit of one backend request."),

        durationKey("database.busy_timeout_ms", 5000, 1ms, 0, 600000,
                    "How long a database access waits for a lock held by another connection."),
        integerKey("storage.reserve_mb", 64, 1, 65536,
                   "Free space (MiB) kept in reserve where the database lives: under it no new sale starts, while "
                   "syncing carries on."),
        durationKey("storage.retention_days", 90, 24h, 7, 3650,
                    "Orders and records older than this are deleted, once the backend has acknowledged them."),

        integerKey("sync.batch_size", 50, 1, 100, "Records per sync_upload request."),
        durationKey("sync.interval_s", 30, 1s, 1, 3600,
                    "How often the outbox is looked at when nothing else wakes it (new records and the network coming "
                    "back wake it at once)."),
        durationKey("sync.backoff_initial_ms", 1000, 1ms, 100, 60000,
                    "Wait after the first failed sync attempt; doubled after each further failure, with jitter."),
        durationKey("sync.backoff_max_ms", 300000, 1ms, 1000, 3600000, "Longest wait between sync attempts."),
        integerKey("sync.offline_cash_max_count", 200, 1, 100000,
                   "Most cash sales the backend has not acknowledged yet; beyond it cash sales wait for the network."),
        integerKey("sync.offline_cash_max_fen", 2000000, 1, 1000000000,
                   "Most cash (fen) in sales the backend has not acknowledged yet."),

        durationKey("payment.wechat_limit_s", 30, 1s, 15, 600,
                    "WeChat (and face pay) channel limit: a payment still unconfirmed this long after the charge is "
                    "reversed."),
        durationKey("payment.alipay_limit_s", 60, 1s, 15, 600, "Alipay channel limit, counted from the charge."),
        durationKey("payment.unionpay_limit_s", 60, 1s, 15, 600, "UnionPay channel limit, counted from the charge."),
        durationKey("payment.query_interval_ms", 5000, 1ms, 1000, 60000,
                    "Wait before the first order_query after an unconfirmed charge and between queries; also between "
                    "reverse and close attempts."),

        enumKey("ui.language", "zh_CN", {"zh_CN", "en"}, "Language of the user interface."),
        durationKey("ui.idle_lock_minutes", 5, 1min, 1, 120, "Idle time after which the terminal locks."),
        booleanKey("ui.fullscreen", false, "Show the main window full screen (kiosk)."),

        enumKey("display.customer", "auto", {"auto", "window", "pane", "off"},
                "Customer-facing display: a window on a second screen, a pane of the main window, off, or auto "
                "(chosen from the screens present)."),

        enumKey("devices.camera", "simulated", {"v4l2", "simulated", "none"}, "Camera driver for face pay and codes."),
        textKey(
            "devices.camera_source", "",
            "v4l2: the video device (e.g. /dev/video0); simulated: an image file, a folder of frames or a video file; "
            "empty: the driver's default."),
        enumKey("devices.scanner", "simulated", {"evdev", "keyboard", "serial", "simulated", "none"},
                "Payment-code scanner: evdev (USB HID read directly), keyboard (HID keyboard wedge), serial, "
                "simulated, none."),
        enumKey("devices.keypad", "simulated", {"evdev", "simulated", "none"}, "Amount keypad driver."),
        enumKey("devices.printer", "virtual", {"usb", "serial", "tcp", "virtual", "none"},
                "Receipt printer (ESC/POS) connection; virtual writes receipts as PNG files."),
        textKey("devices.printer_path", "",
                "usb/serial: the device (e.g. /dev/usb/lp0, /dev/ttyUSB0); tcp: host:port; virtual: the folder for "
                "receipts; empty: the driver's default."),
        enumKey("devices.drawer", "printer", {"printer", "none"}, "Cash drawer: opened by the printer's drawer kick."),
        enumKey("devices.audio", "simulated", {"alsa", "simulated", "none"}, "Voice prompts output."),

        textKey("scanner.device", "",
                "evdev scanner: its /dev/input/by-id name, its USB id as vid:pid (hex) or a path; empty: none set."),
        enumKey("scanner.terminator", "enter", {"enter", "tab", "none"},
                "What ends a scan: Enter (CR/LF), Tab, or none (a pause longer than the inter-key timeout)."),
        durationKey("scanner.inter_key_timeout_ms", 40, 1ms, 5, 1000,
                    "Longest pause between two characters of one scan; longer pauses split a scan (evdev, serial) "
                    "or mean a person is typing (keyboard)."),
        textKey("scanner.serial_port", "", "serial scanner: the port, e.g. /dev/ttyACM0 or a /dev/serial/by-id path."),
        integerKey("scanner.serial_baud", 9600, 1200, 921600, "serial scanner: baud rate (8N1, no flow control)."),
        textKey("scanner.member_card_pattern", "",
                "Regular expression a whole scan must match to be a member card; empty: no member cards."),
        textKey("scanner.voucher_pattern", "",
                "Regular expression a whole scan must match to be a voucher; empty: no vouchers."),
        durationKey("scanner.reconnect_interval_ms", 2000, 1ms, 100, 60000,
                    "How often an absent or unplugged scanner is looked for again (besides hotplug events)."),
        textKey("keypad.device", "",
                "evdev keypad: its /dev/input/by-id name, its USB id as vid:pid (hex) or a path; empty: none set."),
        textKey("keypad.key_map", "",
                "Changes to the default key map: KEY_NAME=key pairs separated by commas (see input-devices.md)."),
        durationKey("keypad.reconnect_interval_ms", 2000, 1ms, 100, 60000,
                    "How often an absent or unplugged keypad is looked for again (besides hotplug events)."),

        enumKey("printer.paper_width_mm", "58", {"58", "80"},
                "Receipt paper width: 58 (384 dots, 32 columns) or 80 (576 dots, 48 columns)."),
        integerKey("printer.serial_baud", 9600, 1200, 921600, "Baud rate of a serial receipt printer."),
        durationKey("printer.timeout_ms", 5000, 1ms, 500, 60000,
                    "Time limit of one printer write or status reply before the printer counts as not answering."),

        textKey("audio.device", "default",
                "alsa: the ALSA PCM voice prompts play on (default, hw:0,0, plughw:1,0, ...; aplay -L lists them)."),
        integerKey("audio.volume", 80, 0, 100, "Loudness of voice prompts: 0 (silent) to 100 (full)."),

        integerKey("camera.width", 640, 160, 3840,
                   "Colour frame width asked of the camera (v4l2) or scaled to (simulated)."),
        integerKey("camera.height", 480, 120, 2160, "Colour frame height asked of the camera or scaled to."),
        integerKey("camera.fps", 30, 1, 120,
                   "Frame rate asked of the camera; the simulated camera plays at this rate."),
        enumKey(
            "camera.depth", "none", {"none", "simulated", "files"},
            "Depth stream of a 3D face-pay camera: none, simulated (generated depth maps, see camera.simulated_scene) "
            "or files (<frame>.depth.png, 16-bit millimetres, beside each image of a folder source)."),
        enumKey("camera.infrared", "none", {"none", "simulated"},
                "Infrared stream: none, or simulated (the scene as an infrared camera sees it, see "
                "camera.simulated_scene)."),
        enumKey("camera.simulated_scene", "live", {"live", "photo", "screen"},
                "What the simulated depth and infrared streams show: a live face (relief, warm in infrared), a printed "
                "photo (flat) or a phone screen (flat, dark in infrared)."),
        textKey("camera.code_formats", "QRCode,Code128",
                "Barcode formats read from camera frames, comma separated (ZXing names: QRCode, Code128, EAN-13, "
                "DataMatrix, PDF417 …)."),
        durationKey("camera.code_repeat_ms", 2000, 1ms, 0, 60000,
                    "The same code read again by the camera within this time is ignored."),

        textKey("face.detector_model", "",
                "Path of the YuNet face detector (face_detection_yunet_2022mar.onnx); empty: the Haar cascade from "
                "opencv-data."),
        enumKey("face.liveness", "auto", {"auto", "depth", "infrared", "challenge", "off"},
                "Liveness check: auto (depth, else infrared, else the RGB challenge, by what the camera offers), "
                "one of them, or off (demo only)."),
        durationKey("face.capture_window_ms", 400, 1ms, 100, 5000,
                    "Good frames are collected for this long after the first one; the sharpest is sent."),
        durationKey("face.timeout_s", 15, 1s, 5, 120,
                    "Face capture gives up after this long and offers the payment code."),
        booleanKey("face.consent_required", true,
                   "Show the consent screen (what is captured and how it is used) before every face payment; the "
                   "customer agrees or pays by code."),

        textKey("checkout.currency", "CNY", "ISO 4217 code of the currency of every amount.", Empty::Forbidden,
                "[A-Z]{3}"),
        integerKey("checkout.max_amount_fen", 5000000, 1, 100000000,
                   "Largest amount accepted at checkout, in minor units (fen)."),
        integerKey("checkout.receipt_copies", 1, 0, 2,
                   "Receipts printed for a paid sale: 0 (none, reprint on demand), 1 (customer), 2 (customer and "
                   "merchant)."),
        durationKey("checkout.result_return_s", 5, 1s, 0, 600,
                    "Seconds the result screen stays before the next sale's amount entry; 0 keeps it until the "
                    "cashier moves on."),
    };
    return table;
}

const SettingSpec* Settings::spec(QStringView key) {
    for (const SettingSpec& s : specs()) {
        if (s.key == key) return &s;
    }
    return nullptr;
}

Settings Settings::defaults() {
    Settings settings;
    for (const SettingSpec& spec : specs()) {
        // The defaults are checked by tst_settings; a failure here is a mistake in the table above.
        if (auto error =
                SettingsParser::assign(settings.m_entries, spec, spec.defaultValue,
                                       Source{QStringLiteral("built-in default"), QStringLiteral("default")})) {
            qFatal("%s", qPrintable(error->message));
        }
    }
    return settings;
}

Result<Settings> Settings::load(const SettingsSources& sources) {
    Settings settings = defaults();
    if (!sources.filePath.isEmpty()) {
        if (auto error = SettingsParser::applyFile(settings.m_entries, sources.filePath, sources.filePathExplicit)) {
            return *error;
        }
    }
    if (auto error = SettingsParser::applyEnvironment(settings.m_entries, sources.environment)) return *error;
    if (auto error = SettingsParser::applyOverrides(settings.m_entries, sources.overrides)) return *error;
    return settings;
}

const Settings::Entry& Settings::entry(QStringView key, std::optional<SettingType> expected, const char* getter) const {
    const SettingSpec* declared = spec(key);
    if (!declared) {
        qFatal("Settings::%s(\"%s\"): the key is not declared in the table in platform/settings.cpp", getter,
               qPrintable(key.toString()));
    }
    if (expected && declared->type != *expected) {
        qFatal("Settings::%s(\"%s\"): the key is declared with another type; use the matching getter", getter,
               qPrintable(key.toString()));
    }
    const auto it = m_entries.constFind(declared->key);
    Q_ASSERT(it != m_entries.cend());  // load() and defaults() fill every declared key
    return *it;
}

QString Settings::string(QStringView key) const {
    return entry(key, std::nullopt, "string").text;
}

int Settings::integer(QStringView key) const {
    return int(entry(key, SettingType::Integer, "integer").number);
}

bool Settings::boolean(QStringView key) const {
    return entry(key, SettingType::Boolean, "boolean").number != 0;
}

std::chrono::milliseconds Settings::duration(QStringView key) const {
    const Entry& e = entry(key, SettingType::Duration, "duration");
    return spec(key)->unit * e.number;
}

QString Settings::origin(QStringView key) const {
    return entry(key, std::nullopt, "origin").origin;
}

}  // namespace facepos
