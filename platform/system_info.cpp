#include "system_info.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStringList>
#include <optional>

namespace facepos {

namespace {

const char* const kProductSerial = "sys/class/dmi/id/product_serial";
const char* const kCpuInfo = "proc/cpuinfo";
const char* const kMachineId = "etc/machine-id";
const char* const kProductName = "sys/class/dmi/id/product_name";
const char* const kDeviceTreeModel = "proc/device-tree/model";
const char* const kOsRelease = "etc/os-release";
const char* const kOsReleaseFallback = "usr/lib/os-release";
const char* const kKernelRelease = "proc/sys/kernel/osrelease";

// The contents of a file, or why there are none ("missing", "unreadable: …").
struct FileRead {
    std::optional<QByteArray> content;
    QString problem;
};

FileRead readFile(const QString& path) {
    QFile file(path);
    if (!file.exists()) return {std::nullopt, QStringLiteral("missing")};
    if (!file.open(QIODevice::ReadOnly)) {
        return {std::nullopt, QStringLiteral("unreadable: %1").arg(file.errorString())};
    }
    return {file.readAll(), {}};
}

// The text of a one-value file (sysfs, machine-id, device-tree): up to the first NUL, trimmed.
std::optional<QString> readValue(const QString& path, QString* problem = nullptr) {
    FileRead read = readFile(path);
    if (!read.content) {
        if (problem) *problem = read.problem;
        return std::nullopt;
    }
    const qsizetype nul = read.content->indexOf('\0');
    if (nul >= 0) read.content->truncate(nul);
    const QString value = QString::fromUtf8(*read.content).trimmed();
    if (SystemInfo::isPlaceholder(value)) {
        if (problem)
            *problem = value.isEmpty() ? QStringLiteral("empty") : QStringLiteral("placeholder '%1'").arg(value);
        return std::nullopt;
    }
    return value;
}

// The value of the "Serial" line of /proc/cpuinfo ("Serial\t\t: 10000000abcdef01").
std::optional<QString> readCpuInfoSerial(const QString& path, QString* problem) {
    const FileRead read = readFile(path);
    if (!read.content) {
        *problem = read.problem;
        return std::nullopt;
    }
    for (const QByteArray& line : read.content->split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0 || line.first(colon).trimmed().toLower() != "serial") continue;
        const QString value = QString::fromUtf8(line.sliced(colon + 1)).trimmed();
        if (SystemInfo::isPlaceholder(value)) {
            *problem = value.isEmpty() ? QStringLiteral("empty Serial line")
                                       : QStringLiteral("placeholder Serial '%1'").arg(value);
            return std::nullopt;
        }
        return value;
    }
    *problem = QStringLiteral("no Serial line");
    return std::nullopt;
}

}  // namespace

SystemInfo::SystemInfo(QString rootDir, QString softwareVersion)
    : m_root(std::move(rootDir)), m_softwareVersion(std::move(softwareVersion)) {}

QString SystemInfo::path(const QString& relative) const {
    return QDir(m_root).filePath(relative);
}

bool SystemInfo::isPlaceholder(const QString& value) {
    static const QStringList placeholders = {
        QStringLiteral("To be filled by O.E.M."),
        QStringLiteral("Default string"),
        QStringLiteral("System Serial Number"),
        QStringLiteral("System Product Name"),
        QStringLiteral("None"),
        QStringLiteral("Not Specified"),
        QStringLiteral("Not Applicable"),
        QStringLiteral("N/A"),
        QStringLiteral("uninitialized"),  // systemd's /etc/machine-id before an image's first boot completes
    };
    if (value.trimmed().isEmpty()) return true;
    if (placeholders.contains(value.trimmed(), Qt::CaseInsensitive)) return true;
    // "0", "0000000000000000", "00000000-0000-0000-0000-000000000000": firmware that was never given a serial.
    bool sawZero = false;
    for (QChar c : value) {
        if (c == u'0') {
            sawZero = true;
        } else if (c != u'-' && c != u':' && c != u'.' && !c.isSpace()) {
            return false;
        }
    }
    return sawZero;
}

Result<QString> SystemInfo::serialNumber() const {
    QStringList tried;
    QString problem;

    const QString dmi = path(QLatin1String(kProductSerial));
    if (const auto serial = readValue(dmi, &problem)) return serial->toUpper();
    tried.append(QStringLiteral("%1 (%2)").arg(dmi, problem));

    const QString cpuinfo = path(QLatin1String(kCpuInfo));
    if (const auto serial = readCpuInfoSerial(cpuinfo, &problem)) return serial->toUpper();
    tried.append(QStringLiteral("%1 (%2)").arg(cpuinfo, problem));

    const QString machineId = path(QLatin1String(kMachineId));
    if (const auto serial = readValue(machineId, &problem)) return serial->toUpper();
    tried.append(QStringLiteral("%1 (%2)").arg(machineId, problem));

    return makeError(QStringLiteral("sysinfo.no_serial"),
                     QStringLiteral("This device has no readable serial number; tried %1. The terminal needs one to "
                                    "be activated: run it as root so the firmware serial can be read, or create "
                                    "/etc/machine-id with 'systemd-machine-id-setup'.")
                         .arg(tried.join(QStringLiteral(", "))));
}

QString SystemInfo::model() const {
    if (const auto name = readValue(path(QLatin1String(kProductName)))) return *name;
    if (const auto model = readValue(path(QLatin1String(kDeviceTreeModel)))) return *model;
    return QStringLiteral("Unknown");
}

QString SystemInfo::softwareVersion() const {
    return m_softwareVersion.isEmpty() ? QCoreApplication::applicationVersion() : m_softwareVersion;
}

QString SystemInfo::osDescription() const {
    QString name;
    for (const char* file : {kOsRelease, kOsReleaseFallback}) {
        const FileRead read = readFile(path(QLatin1String(file)));
        if (!read.content) continue;
        for (const QByteArray& line : read.content->split('\n')) {
            if (!line.startsWith("PRETTY_NAME=")) continue;
            name = QString::fromUtf8(line.sliced(qsizetype(sizeof("PRETTY_NAME=") - 1))).trimmed();
            if (name.size() >= 2 && (name.startsWith(u'"') || name.startsWith(u'\'')) && name.endsWith(name[0])) {
                name = name.sliced(1, name.size() - 2);
            }
            break;
        }
        if (!name.isEmpty()) break;
    }
    const std::optional<QString> kernel = readValue(path(QLatin1String(kKernelRelease)));

    if (name.isEmpty() && !kernel) return QStringLiteral("Unknown");
    if (!kernel) return name;
    const QString kernelText = QStringLiteral("kernel %1").arg(*kernel);
    return name.isEmpty() ? QStringLiteral("Linux, %1").arg(kernelText)
                          : QStringLiteral("%1, %2").arg(name, kernelText);
}

Result<QByteArray> SystemInfo::deviceBinding() const {
    const Result<QString> serial = serialNumber();
    if (!serial) return serial.error();
    // The machine-id as written (lower-case hex); absent on systems without systemd, where the serial alone binds.
    const QString machineId = readValue(path(QLatin1String(kMachineId))).value_or(QString());
    QByteArray binding("facepos-device-binding-v1");
    binding += '\0';
    binding += serial.value().toUtf8();
    binding += '\0';
    binding += machineId.toUtf8();
    return binding;
}

}  // namespace facepos
