#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <thread>
#include <vector>

#include "platform/logging.h"
#include "platform/masking.h"
#include "platform/settings.h"

using namespace facepos;

namespace {

class LogSinkTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        m_options.directory = m_dir.filePath(QStringLiteral("logs"));
        m_options.minimumLevel = LogLevel::Debug;
        m_options.toStderr = false;
    }

    std::unique_ptr<LogSink> install() {
        Result<std::unique_ptr<LogSink>> sink = LogSink::install(m_options);
        EXPECT_TRUE(sink.ok()) << (sink.ok() ? "" : sink.error().message.toStdString());
        return sink.ok() ? std::move(sink).value() : nullptr;
    }

    QString readLog(const QString& name = QStringLiteral("facepos.log")) const {
        QFile file(QDir(m_options.directory).filePath(name));
        if (!file.open(QIODevice::ReadOnly)) return {};
        return QString::fromUtf8(file.readAll());
    }

    QTemporaryDir m_dir;
    LogOptions m_options;
};

// Captures what reaches the handler that was installed before the sink.
QStringList s_captured;
void captureHandler(QtMsgType, const QMessageLogContext&, const QString& message) {
    s_captured.append(message);
}

}  // namespace

TEST_F(LogSinkTest, WritesUtcTimeLevelCategoryAndMessage) {
    auto sink = install();
    ASSERT_TRUE(sink);

    qCInfo(lcPayment, "order %d paid", 42);
    sink.reset();

    static const QRegularExpression line(
        QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info facepos\.payment: order 42 paid\n$)"));
    EXPECT_TRUE(line.match(readLog()).hasMatch()) << readLog().toStdString();
}

TEST_F(LogSinkTest, CategoriesCarryTheirNames) {
    auto sink = install();
    ASSERT_TRUE(sink);

    qCWarning(lcDb, "a");
    qCCritical(lcKeyStore, "b");
    qCDebug(lcDrivers, "c");
    sink.reset();

    const QString log = readLog();
    EXPECT_TRUE(log.contains(QStringLiteral(" warning facepos.db: a\n"))) << log.toStdString();
    EXPECT_TRUE(log.contains(QStringLiteral(" critical facepos.keystore: b\n"))) << log.toStdString();
    EXPECT_TRUE(log.contains(QStringLiteral(" debug facepos.drivers: c\n"))) << log.toStdString();
}

TEST_F(LogSinkTest, MessagesBelowTheMinimumLevelAreDropped) {
    m_options.minimumLevel = LogLevel::Warning;
    auto sink = install();
    ASSERT_TRUE(sink);

    qCDebug(lcApp, "debug line");
    qCInfo(lcApp, "info line");
    qCWarning(lcApp, "warning line");
    sink.reset();

    const QString log = readLog();
    EXPECT_FALSE(log.contains(QStringLiteral("debug line")));
    EXPECT_FALSE(log.contains(QStringLiteral("info line")));
    EXPECT_TRUE(log.contains(QStringLiteral("warning line"))) << log.toStdString();
}

TEST_F(LogSinkTest, LineBreaksInAMessageAreEscapedSoEachRecordIsOneLine) {
    auto sink = install();
    ASSERT_TRUE(sink);

    qCInfo(lcApp, "first\nforged record\r\nthird");
    sink.reset();

    const QString log = readLog();
    EXPECT_EQ(log.count(u'\n'), 1) << log.toStdString();
    EXPECT_TRUE(log.contains(QStringLiteral("first\\nforged record\\r\\nthird"))) << log.toStdString();
}

TEST_F(LogSinkTest, ExistingLogIsAppendedTo) {
    QDir().mkpath(m_options.directory);
    QFile existing(QDir(m_options.directory).filePath(QStringLiteral("facepos.log")));
    ASSERT_TRUE(existing.open(QIODevice::WriteOnly));
    existing.write("earlier line\n");
    existing.close();

    auto sink = install();
    ASSERT_TRUE(sink);
    qCInfo(lcApp, "later line");
    sink.reset();

    const QString log = readLog();
    EXPECT_TRUE(log.startsWith(QStringLiteral("earlier line\n"))) << log.toStdString();
    EXPECT_TRUE(log.contains(QStringLiteral("later line"))) << log.toStdString();
}

TEST_F(LogSinkTest, RotationKeepsAtMostMaxFilesRotatedLogsEachWithinMaxSize) {
    m_options.maxFileBytes = 1000;
    m_options.maxFiles = 3;
    auto sink = install();
    ASSERT_TRUE(sink);

    for (int i = 0; i < 200; ++i) qCInfo(lcApp, "line %03d %s", i, "padding padding padding padding padding");
    sink.reset();

    const QStringList files = QDir(m_options.directory).entryList(QDir::Files, QDir::Name);
    EXPECT_EQ(files, (QStringList{QStringLiteral("facepos.log"), QStringLiteral("facepos.log.1"),
                                  QStringLiteral("facepos.log.2"), QStringLiteral("facepos.log.3")}));
    for (const QString& name : files) {
        EXPECT_LE(QFileInfo(QDir(m_options.directory).filePath(name)).size(), m_options.maxFileBytes)
            << name.toStdString();
    }

    // Oldest to newest, the kept files hold one unbroken run of lines ending with the last one written.
    static const QRegularExpression number(QStringLiteral(R"(line (\d{3}) )"));
    QList<int> kept;
    for (const QString& name : {QStringLiteral("facepos.log.3"), QStringLiteral("facepos.log.2"),
                                QStringLiteral("facepos.log.1"), QStringLiteral("facepos.log")}) {
        for (auto it = number.globalMatch(readLog(name)); it.hasNext();) kept.append(it.next().captured(1).toInt());
    }
    ASSERT_FALSE(kept.isEmpty());
    EXPECT_EQ(kept.last(), 199);
    for (qsizetype i = 1; i < kept.size(); ++i) EXPECT_EQ(kept[i], kept[i - 1] + 1) << "at " << i;
}

TEST_F(LogSinkTest, PaymentCodeLoggedThroughQtIsMaskedInTheFile) {
    auto sink = install();
    ASSERT_TRUE(sink);

    qCInfo(lcPayment) << "micropay auth_code" << QStringLiteral("134567890123456789") << "amount 1234";
    sink.reset();

    const QString log = readLog();
    EXPECT_FALSE(log.contains(QStringLiteral("134567890123456789"))) << log.toStdString();
    EXPECT_TRUE(log.contains(QStringLiteral("1345**********6789"))) << log.toStdString();
    EXPECT_TRUE(log.contains(QStringLiteral("amount 1234"))) << log.toStdString();
}

TEST_F(LogSinkTest, LinesFromManyThreadsStayWhole) {
    auto sink = install();
    ASSERT_TRUE(sink);

    std::vector<std::thread> threads;
    threads.reserve(4);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([t] {
            for (int i = 0; i < 250; ++i) qCInfo(lcSync, "thread %d message %d end", t, i);
        });
    }
    for (std::thread& thread : threads) thread.join();
    sink.reset();

    const QStringList lines = readLog().split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 1000);
    static const QRegularExpression whole(QStringLiteral(R"(^\S+Z info facepos\.sync: thread \d message \d+ end$)"));
    for (const QString& line : lines) EXPECT_TRUE(whole.match(line).hasMatch()) << line.toStdString();
}

TEST_F(LogSinkTest, DirectoryBelowARegularFileGivesAnErrorNamingIt) {
    const QString file = m_dir.filePath(QStringLiteral("not-a-directory"));
    QFile regular(file);
    ASSERT_TRUE(regular.open(QIODevice::WriteOnly));
    regular.close();
    m_options.directory = file + QStringLiteral("/logs");

    const Result<std::unique_ptr<LogSink>> sink = LogSink::install(m_options);

    ASSERT_FALSE(sink.ok());
    EXPECT_EQ(sink.error().code, QStringLiteral("log.directory_unavailable"));
    EXPECT_TRUE(sink.error().message.contains(m_options.directory)) << sink.error().message.toStdString();
    EXPECT_TRUE(sink.error().message.contains(file + QStringLiteral(" is not a directory")))
        << sink.error().message.toStdString();
}

TEST_F(LogSinkTest, UnopenableLogFileGivesAnErrorNamingIt) {
    // A directory where the log file should be: the directory exists, the file cannot be opened.
    ASSERT_TRUE(QDir().mkpath(QDir(m_options.directory).filePath(QStringLiteral("facepos.log"))));

    const Result<std::unique_ptr<LogSink>> sink = LogSink::install(m_options);

    ASSERT_FALSE(sink.ok());
    EXPECT_EQ(sink.error().code, QStringLiteral("log.file_unwritable"));
    EXPECT_TRUE(sink.error().message.contains(QStringLiteral("facepos.log"))) << sink.error().message.toStdString();
}

TEST_F(LogSinkTest, UninstallRestoresThePreviousHandler) {
    s_captured.clear();
    const QtMessageHandler original = qInstallMessageHandler(&captureHandler);
    auto sink = install();
    ASSERT_TRUE(sink);

    qCInfo(lcApp, "while installed");
    sink->uninstall();
    qCInfo(lcApp, "after uninstall");
    qInstallMessageHandler(original);

    EXPECT_EQ(s_captured, QStringList{QStringLiteral("after uninstall")});
    EXPECT_TRUE(readLog().contains(QStringLiteral("while installed")));
    EXPECT_FALSE(readLog().contains(QStringLiteral("after uninstall")));
}

TEST_F(LogSinkTest, DestroyingTheSinkUninstallsIt) {
    const QtMessageHandler original = qInstallMessageHandler(&captureHandler);
    install().reset();

    EXPECT_EQ(qInstallMessageHandler(original), &captureHandler);
}

TEST_F(LogSinkTest, OnlyOneSinkAtATime) {
    auto first = install();
    ASSERT_TRUE(first);
    m_options.directory = m_dir.filePath(QStringLiteral("other"));

    const Result<std::unique_ptr<LogSink>> second = LogSink::install(m_options);

    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, QStringLiteral("log.already_installed"));
}

TEST(LogOptions, FollowTheLogSettings) {
    SettingsSources sources;
    sources.overrides = {QStringLiteral("data.dir=/srv/pos"), QStringLiteral("log.level=warning"),
                         QStringLiteral("log.max_file_kb=64"), QStringLiteral("log.max_files=2"),
                         QStringLiteral("log.stderr=false")};
    const Result<Settings> settings = Settings::load(sources);
    ASSERT_TRUE(settings.ok()) << settings.error().message.toStdString();

    const LogOptions options = LogOptions::fromSettings(*settings);

    EXPECT_EQ(options.directory, QStringLiteral("/srv/pos/logs"));
    EXPECT_EQ(options.minimumLevel, LogLevel::Warning);
    EXPECT_EQ(options.maxFileBytes, 64 * 1024);
    EXPECT_EQ(options.maxFiles, 2);
    EXPECT_FALSE(options.toStderr);
}

TEST(Masking, WeChatCodeKeepsFirstAndLastFourDigits) {
    EXPECT_EQ(maskPaymentCode(u"134567890123456789"), QStringLiteral("1345**********6789"));
}

TEST(Masking, UnionPayCodeKeepsFirstAndLastFourDigits) {
    EXPECT_EQ(maskPaymentCode(u"6212345678901234567"), QStringLiteral("6212***********4567"));
}

TEST(Masking, CodesOfEightCharactersOrFewerAreFullyMasked) {
    EXPECT_EQ(maskPaymentCode(u"12345678"), QStringLiteral("********"));
    EXPECT_EQ(maskPaymentCode(u"1234"), QStringLiteral("****"));
    EXPECT_EQ(maskPaymentCode(u"123456789"), QStringLiteral("1234*6789"));
}

TEST(Masking, PhoneKeepsLastFourDigitsAndSeparators) {
    EXPECT_EQ(maskPhone(u"13800138000"), QStringLiteral("*******8000"));
    EXPECT_EQ(maskPhone(u"+86 138 0013 8000"), QStringLiteral("+** *** **** 8000"));
    EXPECT_EQ(maskPhone(u"8000"), QStringLiteral("****"));
}

TEST(Masking, RedactedRevealsNothing) {
    EXPECT_EQ(redacted(), QStringLiteral("***"));
}

TEST(Masking, DigitRunsOfThirteenOrMoreAreMaskedShorterOnesKept) {
    EXPECT_EQ(maskDigitRuns(QStringLiteral("order 20240501000123 total 123456789012")),
              QStringLiteral("order 2024******0123 total 123456789012"));
    EXPECT_EQ(maskDigitRuns(QStringLiteral("1234567890123")), QStringLiteral("1234*****0123"));
    EXPECT_EQ(maskDigitRuns(QStringLiteral("a6212345678901234567b,134567890123456789")),
              QStringLiteral("a6212***********4567b,1345**********6789"));
    EXPECT_EQ(maskDigitRuns(QStringLiteral("no codes here 12345")), QStringLiteral("no codes here 12345"));
}
