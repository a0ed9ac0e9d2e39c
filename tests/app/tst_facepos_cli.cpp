// The real facepos binary, started as a user or the systemd unit would start it.
#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

namespace {

struct ProcessResult {
    int exitCode = -1;
    QString out;
    QString err;
};

class FaceposCli : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(dataDir.isValid()); }

    // Runs facepos with its data in a fresh directory; `env` adds or (with an empty value) removes variables.
    ProcessResult run(QStringList arguments, const QList<QPair<QString, QString>>& env = {}) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("HOME"), dataDir.filePath(QStringLiteral("home")));
        environment.remove(QStringLiteral("XDG_DATA_HOME"));
        for (const auto& [name, value] : env) {
            if (value.isEmpty())
                environment.remove(name);
            else
                environment.insert(name, value);
        }
        if (!arguments.contains(QStringLiteral("--config")))
            arguments << QStringLiteral("--config") << writeConfig("# empty\n");
        if (!arguments.join(' ').contains(QStringLiteral("data.dir")))
            arguments << QStringLiteral("--set")
                      << QStringLiteral("data.dir=") + dataDir.filePath(QStringLiteral("data"));

        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(FACEPOS_BINARY), arguments);
        ProcessResult result;
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished();
            result.err = QStringLiteral("facepos did not finish");
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
        result.err = QString::fromLocal8Bit(process.readAllStandardError());
        return result;
    }

    QString writeConfig(const QByteArray& text, const QString& name = QStringLiteral("facepos.conf")) {
        const QString path = dataDir.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
        return path;
    }

    QTemporaryDir dataDir;
};

}  // namespace

TEST_F(FaceposCli, SelfTestLoadsAndRendersTheUserInterface) {
    const ProcessResult r = run({QStringLiteral("--self-test")});
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    EXPECT_TRUE(r.out.contains(QStringLiteral("self-test passed"))) << qPrintable(r.out);
}

TEST_F(FaceposCli, RenderPageWritesAPngOfTheWholeWindow) {
    const QString png = dataDir.filePath(QStringLiteral("shots/settings.png"));
    const ProcessResult r =
        run({QStringLiteral("--render-page"), QStringLiteral("SettingsPage"), QStringLiteral("--output"), png});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1280, 800));
}

TEST_F(FaceposCli, UnknownPageFailsNamingThePagesThatExist) {
    const ProcessResult r = run({QStringLiteral("--render-page"), QStringLiteral("Nope"), QStringLiteral("--output"),
                                 dataDir.filePath(QStringLiteral("x.png"))});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("HomePage"))) << qPrintable(r.err);
    EXPECT_FALSE(QFile::exists(dataDir.filePath(QStringLiteral("x.png"))));
}

TEST_F(FaceposCli, DemoWithoutADisplayRendersTheScreensAndSaysWhere) {
    const QString out = dataDir.filePath(QStringLiteral("screens"));
    const ProcessResult r =
        run({QStringLiteral("--demo"), QStringLiteral("--output"), out}, {{QStringLiteral("QT_QPA_PLATFORM"), {}},
                                                                          {QStringLiteral("DISPLAY"), {}},
                                                                          {QStringLiteral("WAYLAND_DISPLAY"), {}}});
    ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    EXPECT_TRUE(r.out.contains(out)) << qPrintable(r.out);
    for (const QString& name :
         {QStringLiteral("HomePage-zh_CN.png"), QStringLiteral("HomePage-en.png"),
          QStringLiteral("SettingsPage-zh_CN.png"), QStringLiteral("CheckoutResultPage-zh_CN.png")}) {
        EXPECT_FALSE(QImage(out + QLatin1Char('/') + name).isNull()) << qPrintable(name);
    }
    // The scripted checkout: cash, a payment code and face pay (the demo camera plays a photo the demo sandbox
    // enrolled), all paid (the output is in the UI's language, Chinese first), and each receipt on the virtual printer.
    EXPECT_TRUE(r.out.contains(QStringLiteral("Sale of ¥12.50 by 现金: 收款成功"))) << qPrintable(r.out);
    EXPECT_TRUE(r.out.contains(QStringLiteral("Sale of ¥36.80 by 微信支付: 收款成功"))) << qPrintable(r.out);
    EXPECT_TRUE(r.out.contains(QStringLiteral("Sale of ¥18.80 by 刷脸支付: 收款成功"))) << qPrintable(r.out);
    int receipts = 0;
    for (const QString& line : r.out.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QStringLiteral("Printed: "))) continue;
        ++receipts;
        EXPECT_FALSE(QImage(line.mid(9).trimmed()).isNull()) << qPrintable(line);
    }
    EXPECT_EQ(receipts, 3) << qPrintable(r.out);
}

TEST_F(FaceposCli, MalformedConfigFileFailsNamingFileAndLine) {
    const QString config = writeConfig("[ui]\nlanguage = en\nthis line is not a setting\n");
    const ProcessResult r = run({QStringLiteral("--self-test"), QStringLiteral("--config"), config});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(config)) << qPrintable(r.err);
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 3"))) << qPrintable(r.err);
}

TEST_F(FaceposCli, MissingExplicitConfigFileFails) {
    const QString missing = dataDir.filePath(QStringLiteral("nowhere.conf"));
    const ProcessResult r = run({QStringLiteral("--self-test"), QStringLiteral("--config"), missing});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(missing)) << qPrintable(r.err);
}

TEST_F(FaceposCli, UnwritableDataDirectoryFailsNamingIt) {
    const QString blocker = writeConfig("not a directory", QStringLiteral("blocker"));
    const QString dir = blocker + QStringLiteral("/data");
    const ProcessResult r =
        run({QStringLiteral("--self-test"), QStringLiteral("--set"), QStringLiteral("data.dir=") + dir});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(dir)) << qPrintable(r.err);
}

TEST_F(FaceposCli, DamagedDatabaseIsRefusedThenRecovered) {
    ASSERT_EQ(run({QStringLiteral("--self-test")}).exitCode, 0);
    const QString db = dataDir.filePath(QStringLiteral("data/facepos.db"));
    QFile file(db);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QByteArray(8192, 'x'));
    file.close();

    const ProcessResult refused = run({QStringLiteral("--self-test")});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(db)) << qPrintable(refused.err);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("--recover-database"))) << qPrintable(refused.err);

    const ProcessResult recovered = run({QStringLiteral("--recover-database")});
    EXPECT_EQ(recovered.exitCode, 0) << qPrintable(recovered.err);
    EXPECT_EQ(run({QStringLiteral("--self-test")}).exitCode, 0);
}

TEST_F(FaceposCli, MissingChineseFontFailsWithWhatToInstall) {
    const QString fontConfig =
        writeConfig("<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig></fontconfig>\n",
                    QStringLiteral("fonts.conf"));
    const ProcessResult r = run({QStringLiteral("--self-test")}, {{QStringLiteral("FONTCONFIG_FILE"), fontConfig}});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("fonts-"))) << qPrintable(r.err);
}

TEST_F(FaceposCli, UnknownArgumentExitsWithUsageError) {
    const ProcessResult r = run({QStringLiteral("--frobnicate")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("frobnicate"))) << qPrintable(r.err);
}
