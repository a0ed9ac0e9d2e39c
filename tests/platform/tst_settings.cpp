#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include "platform/settings.h"

using namespace facepos;
using namespace std::chrono_literals;

namespace {

class SettingsTest : public ::testing::Test {
protected:
    QString writeConfig(const QByteArray& content, const QString& name = QStringLiteral("facepos.conf")) {
        QString path = m_dir.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(content);
        return path;
    }

    static SettingsSources fromFile(const QString& path) {
        SettingsSources sources;
        sources.filePath = path;
        sources.filePathExplicit = true;
        return sources;
    }

    static Error loadError(const SettingsSources& sources) {
        const Result<Settings> result = Settings::load(sources);
        EXPECT_FALSE(result.ok()) << "load succeeded where it should have failed";
        return result.ok() ? Error{} : result.error();
    }

    QTemporaryDir m_dir;
};

}  // namespace

TEST_F(SettingsTest, EmptySourcesGiveTheBuiltInDefaults) {
    const Result<Settings> settings = Settings::load(SettingsSources{});
    ASSERT_TRUE(settings.ok()) << settings.error().message.toStdString();

    EXPECT_EQ(settings->string(u"backend.url"), QStringLiteral("http://127.0.0.1:8480"));
    EXPECT_EQ(settings->string(u"ui.language"), QStringLiteral("zh_CN"));
    EXPECT_EQ(settings->integer(u"log.max_files"), 5);
    EXPECT_EQ(settings->integer(u"checkout.max_amount_fen"), 5000000);
    EXPECT_TRUE(settings->boolean(u"log.stderr"));
    EXPECT_FALSE(settings->boolean(u"ui.fullscreen"));
    EXPECT_EQ(settings->duration(u"backend.timeout_ms"), 15000ms);
    EXPECT_EQ(settings->duration(u"ui.idle_lock_minutes"), 5min);
    EXPECT_EQ(settings->origin(u"backend.url"), QStringLiteral("default"));
}

TEST_F(SettingsTest, EveryDeclaredDefaultIsItsOwnCanonicalValue) {
    const Settings settings = Settings::defaults();
    for (const SettingSpec& spec : Settings::specs()) {
        EXPECT_EQ(settings.string(spec.key), spec.defaultValue) << spec.key.toStdString();
        EXPECT_FALSE(spec.description.isEmpty()) << spec.key.toStdString();
    }
}

TEST_F(SettingsTest, DeclaresTheKeysTheTerminalNeedsWithTheirDefaults) {
    const QList<std::pair<const char*, const char*>> expected = {
        {"data.dir", "/var/lib/facepos"}, {"log.level", "info"},
        {"log.max_file_kb", "1024"},      {"log.max_files", "5"},
        {"log.stderr", "true"},           {"backend.url", "http://127.0.0.1:8480"},
        {"backend.ca_file", ""},          {"backend.pin_sha256", ""},
        {"backend.timeout_ms", "15000"},  {"database.busy_timeout_ms", "5000"},
        {"ui.language", "zh_CN"},         {"ui.idle_lock_minutes", "5"},
        {"ui.fullscreen", "false"},       {"display.customer", "auto"},
        {"devices.camera", "simulated"},  {"devices.camera_source", ""},
        {"devices.scanner", "simulated"}, {"devices.keypad", "simulated"},
        {"devices.printer", "virtual"},   {"devices.printer_path", ""},
        {"devices.drawer", "printer"},    {"devices.audio", "simulated"},
        {"checkout.currency", "CNY"},     {"checkout.max_amount_fen", "5000000"},
    };
    for (const auto& [key, value] : expected) {
        const SettingSpec* spec = Settings::spec(QString::fromUtf8(key));
        ASSERT_NE(spec, nullptr) << key;
        EXPECT_EQ(spec->defaultValue, QString::fromUtf8(value)) << key;
    }
}

TEST_F(SettingsTest, EveryKeyHasItsOwnEnvironmentVariable) {
    QSet<QString> names;
    for (const SettingSpec& spec : Settings::specs()) names.insert(spec.environmentVariable());
    EXPECT_EQ(names.size(), Settings::specs().size());
    EXPECT_EQ(Settings::spec(u"backend.url")->environmentVariable(), QStringLiteral("FACEPOS_BACKEND_URL"));
    EXPECT_EQ(Settings::spec(u"ui.idle_lock_minutes")->environmentVariable(),
              QStringLiteral("FACEPOS_UI_IDLE_LOCK_MINUTES"));
}

TEST_F(SettingsTest, FileOverridesDefaultAndReportsFileAndLine) {
    const QString path = writeConfig("[backend]\nurl = https://pay.example.com\n\n[ui]\nlanguage = en\n");

    const Result<Settings> settings = Settings::load(fromFile(path));

    ASSERT_TRUE(settings.ok()) << settings.error().message.toStdString();
    EXPECT_EQ(settings->string(u"backend.url"), QStringLiteral("https://pay.example.com"));
    EXPECT_EQ(settings->string(u"ui.language"), QStringLiteral("en"));
    EXPECT_EQ(settings->origin(u"backend.url"), path + QStringLiteral(":2"));
    EXPECT_EQ(settings->origin(u"ui.language"), path + QStringLiteral(":5"));
    EXPECT_EQ(settings->origin(u"log.level"), QStringLiteral("default"));
}

TEST_F(SettingsTest, EnvironmentOverridesFile) {
    SettingsSources sources = fromFile(writeConfig("[backend]\ntimeout_ms = 20000\n"));
    sources.environment.insert(QStringLiteral("FACEPOS_BACKEND_TIMEOUT_MS"), QStringLiteral("30000"));

    const Result<Settings> settings = Settings::load(sources);

    ASSERT_TRUE(settings.ok()) << settings.error().message.toStdString();
    EXPECT_EQ(settings->duration(u"backend.timeout_ms"), 30s);
    EXPECT_EQ(settings->origin(u"backend.timeout_ms"), QStringLiteral("env FACEPOS_BACKEND_TIMEOUT_MS"));
}

TEST_F(SettingsTest, FlagOverridesEnvironment) {
    SettingsSources sources;
    sources.environment.insert(QStringLiteral("FACEPOS_UI_LANGUAGE"), QStringLiteral("en"));
    sources.overrides = {QStringLiteral("ui.language=zh_CN")};

    const Result<Settings> settings = Settings::load(sources);

    ASSERT_TRUE(settings.ok()) << settings.error().message.toStdString();
    EXPECT_EQ(settings->string(u"ui.language"), QStringLiteral("zh_CN"));
    EXPECT_EQ(settings->origin(u"ui.language"), QStringLiteral("flag --set ui.language"));
}

TEST_F(SettingsTest, LaterFlagWinsOverEarlierFlag) {
    SettingsSources sources;
    sources.overrides = {QStringLiteral("log.max_files=3"), QStringLiteral("log.max_files = 7")};

    const Result<Settings> settings = Settings::load(sources);

    ASSERT_TRUE(settings.ok()) << settings.error().message.toStdString();
    EXPECT_EQ(settings->integer(u"log.max_files"), 7);
}

TEST_F(SettingsTest, ValuesAreReturnedInCanonicalSpelling) {
    SettingsSources sources;
    sources.overrides = {QStringLiteral("ui.language=EN"), QStringLiteral("ui.fullscreen=yes"),
                         QStringLiteral("log.stderr=Off")};

    const Result<Settings> settings = Settings::load(sources);

    ASSERT_TRUE(settings.ok()) << settings.error().message.toStdString();
    EXPECT_EQ(settings->string(u"ui.language"), QStringLiteral("en"));
    EXPECT_TRUE(settings->boolean(u"ui.fullscreen"));
    EXPECT_EQ(settings->string(u"ui.fullscreen"), QStringLiteral("true"));
    EXPECT_FALSE(settings->boolean(u"log.stderr"));
}

TEST_F(SettingsTest, MalformedLineErrorNamesFileAndLine) {
    const QString path = writeConfig("[backend]\nurl = https://pay.example.com\nthis line has no equals sign\n");

    const Error error = loadError(fromFile(path));

    EXPECT_EQ(error.code, QStringLiteral("settings.malformed"));
    EXPECT_TRUE(error.message.contains(path + QStringLiteral(" line 3"))) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("expected 'key = value'"))) << error.message.toStdString();
}

TEST_F(SettingsTest, KeyBeforeAnySectionIsMalformed) {
    const QString path = writeConfig("# no section yet\nurl = https://pay.example.com\n");

    const Error error = loadError(fromFile(path));

    EXPECT_EQ(error.code, QStringLiteral("settings.malformed"));
    EXPECT_TRUE(error.message.contains(path + QStringLiteral(" line 2"))) << error.message.toStdString();
}

TEST_F(SettingsTest, UnknownKeyErrorSuggestsTheNearestKey) {
    const QString path = writeConfig("[backend]\nulr = https://pay.example.com\n");

    const Error error = loadError(fromFile(path));

    EXPECT_EQ(error.code, QStringLiteral("settings.unknown_key"));
    EXPECT_TRUE(error.message.contains(path + QStringLiteral(" line 2"))) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("'backend.ulr'"))) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("did you mean 'backend.url'"))) << error.message.toStdString();
}

TEST_F(SettingsTest, UnknownSectionErrorSuggestsTheNearestSection) {
    const QString path = writeConfig("[devcies]\ncamera = v4l2\n");

    const Error error = loadError(fromFile(path));

    EXPECT_EQ(error.code, QStringLiteral("settings.unknown_key"));
    EXPECT_TRUE(error.message.contains(path + QStringLiteral(" line 1"))) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("[devices]"))) << error.message.toStdString();
}

TEST_F(SettingsTest, UnknownFlagKeyIsRejectedWithSuggestion) {
    SettingsSources sources;
    sources.overrides = {QStringLiteral("ui.langauge=en")};

    const Error error = loadError(sources);

    EXPECT_EQ(error.code, QStringLiteral("settings.unknown_key"));
    EXPECT_TRUE(error.message.contains(QStringLiteral("'ui.language'"))) << error.message.toStdString();
}

TEST_F(SettingsTest, MisspelledEnvironmentVariableOfAKnownSectionIsRejected) {
    SettingsSources sources;
    sources.environment.insert(QStringLiteral("FACEPOS_BACKEND_URLL"), QStringLiteral("https://pay.example.com"));

    const Error error = loadError(sources);

    EXPECT_EQ(error.code, QStringLiteral("settings.unknown_key"));
    EXPECT_TRUE(error.message.contains(QStringLiteral("FACEPOS_BACKEND_URLL"))) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("FACEPOS_BACKEND_URL?"))) << error.message.toStdString();
}

TEST_F(SettingsTest, OtherFaceposEnvironmentVariablesAreIgnored) {
    SettingsSources sources;
    sources.environment.insert(QStringLiteral("FACEPOS_TEST_DATA"), QStringLiteral("/tmp/data"));
    sources.environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin"));

    EXPECT_TRUE(Settings::load(sources).ok());
}

TEST_F(SettingsTest, OutOfRangeFileValueNamesKeyValueRangeAndLine) {
    const QString path = writeConfig("[ui]\nidle_lock_minutes = 500\n");

    const Error error = loadError(fromFile(path));

    EXPECT_EQ(error.code, QStringLiteral("settings.bad_value"));
    EXPECT_TRUE(error.message.contains(path + QStringLiteral(" line 2"))) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("ui.idle_lock_minutes"))) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("'500'"))) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("from 1 to 120"))) << error.message.toStdString();
}

TEST_F(SettingsTest, BadEnumFromEnvironmentNamesVariableAndAllowedValues) {
    SettingsSources sources;
    sources.environment.insert(QStringLiteral("FACEPOS_UI_LANGUAGE"), QStringLiteral("fr"));

    const Error error = loadError(sources);

    EXPECT_EQ(error.code, QStringLiteral("settings.bad_value"));
    EXPECT_TRUE(error.message.contains(QStringLiteral("environment variable FACEPOS_UI_LANGUAGE")))
        << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("one of: zh_CN, en"))) << error.message.toStdString();
}

TEST_F(SettingsTest, NonIntegerFromFlagNamesTheFlag) {
    SettingsSources sources;
    sources.overrides = {QStringLiteral("backend.timeout_ms=15s")};

    const Error error = loadError(sources);

    EXPECT_EQ(error.code, QStringLiteral("settings.bad_value"));
    EXPECT_TRUE(error.message.contains(QStringLiteral("--set backend.timeout_ms=15s"))) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("not a whole number"))) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("milliseconds from 1000 to 300000")))
        << error.message.toStdString();
}

TEST_F(SettingsTest, NonBooleanIsRejected) {
    SettingsSources sources;
    sources.overrides = {QStringLiteral("ui.fullscreen=maybe")};

    EXPECT_EQ(loadError(sources).code, QStringLiteral("settings.bad_value"));
}

TEST_F(SettingsTest, ValueNotMatchingTheRequiredFormIsRejected) {
    SettingsSources sources;
    sources.overrides = {QStringLiteral("checkout.currency=yuan")};

    const Error error = loadError(sources);

    EXPECT_EQ(error.code, QStringLiteral("settings.bad_value"));
    EXPECT_TRUE(error.message.contains(QStringLiteral("checkout.currency"))) << error.message.toStdString();
}

TEST_F(SettingsTest, FlagWithoutEqualsSignIsMalformed) {
    SettingsSources sources;
    sources.overrides = {QStringLiteral("ui.language")};

    const Error error = loadError(sources);

    EXPECT_EQ(error.code, QStringLiteral("settings.malformed"));
    EXPECT_TRUE(error.message.contains(QStringLiteral("--set ui.language"))) << error.message.toStdString();
}

TEST_F(SettingsTest, DuplicateKeyInFileNamesBothLines) {
    const QString path = writeConfig("[log]\nlevel = debug\nmax_files = 3\nlevel = info\n");

    const Error error = loadError(fromFile(path));

    EXPECT_EQ(error.code, QStringLiteral("settings.duplicate_key"));
    EXPECT_TRUE(error.message.contains(path + QStringLiteral(" line 4"))) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("line 2"))) << error.message.toStdString();
}

TEST_F(SettingsTest, ExplicitMissingFileIsAnError) {
    const QString path = m_dir.filePath(QStringLiteral("absent.conf"));

    const Error error = loadError(fromFile(path));

    EXPECT_EQ(error.code, QStringLiteral("settings.missing_file"));
    EXPECT_TRUE(error.message.contains(path)) << error.message.toStdString();
}

TEST_F(SettingsTest, MissingFileAtTheDefaultPathMeansDefaults) {
    SettingsSources sources;
    sources.filePath = m_dir.filePath(QStringLiteral("absent.conf"));
    sources.filePathExplicit = false;

    const Result<Settings> settings = Settings::load(sources);

    ASSERT_TRUE(settings.ok()) << settings.error().message.toStdString();
    EXPECT_EQ(settings->origin(u"data.dir"), QStringLiteral("default"));
}

TEST_F(SettingsTest, ApplicationSourcesUseTheDefaultPathUnlessConfigIsGiven) {
    const SettingsSources implicit = SettingsSources::forApplication({}, {}, QProcessEnvironment());
    EXPECT_EQ(implicit.filePath, QStringLiteral("/etc/facepos/facepos.conf"));
    EXPECT_FALSE(implicit.filePathExplicit);

    const SettingsSources given = SettingsSources::forApplication(
        QStringLiteral("/srv/pos.conf"), {QStringLiteral("ui.language=en")}, QProcessEnvironment());
    EXPECT_EQ(given.filePath, QStringLiteral("/srv/pos.conf"));
    EXPECT_TRUE(given.filePathExplicit);
    EXPECT_EQ(given.overrides, QStringList{QStringLiteral("ui.language=en")});
}

TEST_F(SettingsTest, DirectoryGivenAsConfigFileIsUnreadable) {
    const Error error = loadError(fromFile(m_dir.path()));

    EXPECT_EQ(error.code, QStringLiteral("settings.unreadable"));
    EXPECT_TRUE(error.message.contains(m_dir.path())) << error.message.toStdString();
}

TEST_F(SettingsTest, CommentsWhitespaceQuotesAndUtf8ValuesAreAccepted) {
    const QString path = writeConfig(
        "\xEF\xBB\xBF# FacePOS configuration\r\n"
        "; a semicolon comment\r\n"
        "\r\n"
        "   [ devices ]   \r\n"
        "\tcamera_source   =   /srv/相机/帧 \r\n"
        "printer_path = \"  spaced  \"\r\n"
        "[backend]\n"
        "ca_file = \"\"\n"
        "pin_sha256 = abc#def;ghi\n");

    const Result<Settings> settings = Settings::load(fromFile(path));

    ASSERT_TRUE(settings.ok()) << settings.error().message.toStdString();
    EXPECT_EQ(settings->string(u"devices.camera_source"), QStringLiteral("/srv/相机/帧"));
    EXPECT_EQ(settings->string(u"devices.printer_path"), QStringLiteral("  spaced  "));
    EXPECT_EQ(settings->string(u"backend.ca_file"), QString());
    EXPECT_EQ(settings->origin(u"backend.ca_file"), path + QStringLiteral(":8"));
    EXPECT_EQ(settings->string(u"backend.pin_sha256"), QStringLiteral("abc#def;ghi"));
}

TEST_F(SettingsTest, InvalidUtf8IsMalformedAndNamesTheLine) {
    const QString path = writeConfig("[devices]\ncamera_source = /srv/\xC3\x28\n");

    const Error error = loadError(fromFile(path));

    EXPECT_EQ(error.code, QStringLiteral("settings.malformed"));
    EXPECT_TRUE(error.message.contains(path + QStringLiteral(" line 2"))) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("UTF-8"))) << error.message.toStdString();
}

namespace {

// The text of docs/configuration.md from the heading `## <title>` up to the next `## ` heading.
QString documentationSection(const QString& title) {
    QFile doc(QStringLiteral(FACEPOS_SOURCE_DIR "/docs/configuration.md"));
    if (!doc.open(QIODevice::ReadOnly)) return {};
    const QString text = QString::fromUtf8(doc.readAll());
    const QString heading = QStringLiteral("\n## %1\n").arg(title);
    const qsizetype start = text.indexOf(heading);
    if (start < 0) return {};
    const qsizetype end = text.indexOf(QStringLiteral("\n## "), start + heading.size());
    return text.mid(start + heading.size(), end < 0 ? -1 : end - start - heading.size());
}

}  // namespace

TEST_F(SettingsTest, DocumentationListsEveryKeyWithItsDefault) {
    const QString text = documentationSection(QStringLiteral("Keys"));
    ASSERT_FALSE(text.isEmpty()) << "docs/configuration.md has no '## Keys' section";

    // Table rows look like: | `backend.url` | string | `http://127.0.0.1:8480` | … |
    static const QRegularExpression row(QStringLiteral(R"(^\|\s*`([a-z0-9_]+\.[a-z0-9_.]+)`\s*\|(.*)$)"),
                                        QRegularExpression::MultilineOption);
    QHash<QString, QString> documented;
    for (auto it = row.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        documented.insert(m.captured(1), m.captured(2));
    }

    for (const SettingSpec& spec : Settings::specs()) {
        if (!documented.contains(spec.key)) {
            ADD_FAILURE() << spec.key.toStdString() << " is missing from the Keys table of configuration.md";
            continue;
        }
        const QString defaultCell = QStringLiteral("`%1`").arg(spec.defaultValue);
        const bool emptyDefaultShown = spec.defaultValue.isEmpty() && documented.value(spec.key).contains(u"\"\"");
        EXPECT_TRUE(documented.value(spec.key).contains(defaultCell) || emptyDefaultShown)
            << spec.key.toStdString() << ": default " << spec.defaultValue.toStdString() << " not in its row";
    }
    for (auto it = documented.cbegin(); it != documented.cend(); ++it) {
        EXPECT_NE(Settings::spec(it.key()), nullptr) << it.key().toStdString() << " is documented but not declared";
    }
}

TEST_F(SettingsTest, DocumentationExampleFileLoads) {
    const QString section = documentationSection(QStringLiteral("Example"));
    const qsizetype start = section.indexOf(QStringLiteral("```ini\n"));
    const qsizetype end = section.indexOf(QStringLiteral("```"), start + 1);
    ASSERT_TRUE(start >= 0 && end > start) << "docs/configuration.md has no ini example";
    const QString path = writeConfig(section.mid(start + 7, end - start - 7).toUtf8());

    const Result<Settings> settings = Settings::load(fromFile(path));

    ASSERT_TRUE(settings.ok()) << settings.error().message.toStdString();
    EXPECT_EQ(settings->string(u"devices.camera"), QStringLiteral("v4l2"));
}

TEST_F(SettingsTest, ReadingAnUndeclaredKeyAborts) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    const Settings settings = Settings::defaults();
    EXPECT_DEATH(settings.string(u"backend.ulr"), "backend\\.ulr.*not declared");
}

TEST_F(SettingsTest, ReadingAKeyWithTheGetterOfAnotherTypeAborts) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    const Settings settings = Settings::defaults();
    EXPECT_DEATH(settings.integer(u"backend.url"), "backend\\.url.*another type");
}
