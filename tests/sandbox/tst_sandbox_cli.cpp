// The facepos-sandbox executable (docs/terminal-api.md §17.1, §17.6): serve prints its address, admin talks to it,
// SIGTERM stops it cleanly.
#include <gtest/gtest.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace facepos::sandbox {
namespace {

class SandboxCliTest : public ::testing::Test {
protected:
    void TearDown() override {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.kill();
            m_server.waitForFinished(5000);
        }
    }

    // Starts `serve` and returns the URL from its one stdout line.
    QString startServer(const QStringList& extra = {}) {
        m_server.start(QStringLiteral(FACEPOS_SANDBOX_BINARY),
                       QStringList{QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                   QStringLiteral("--db"), m_dir.filePath(QStringLiteral("s.db"))} +
                           extra);
        if (!m_server.waitForStarted(10000)) return {};
        while (!m_server.canReadLine() && m_server.waitForReadyRead(30000)) {
        }
        m_line = QString::fromUtf8(m_server.readLine()).trimmed();
        static const QRegularExpression format(
            QStringLiteral(R"(^facepos-sandbox listening on (http://127\.0\.0\.1:\d+)$)"));
        const auto match = format.match(m_line);
        return match.hasMatch() ? match.captured(1) : QString();
    }

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run runAdmin(const QStringList& args) {
        QProcess admin;
        admin.start(QStringLiteral(FACEPOS_SANDBOX_BINARY), QStringList{QStringLiteral("admin")} + args);
        admin.waitForFinished(60000);
        return {admin.exitStatus() == QProcess::NormalExit ? admin.exitCode() : -1, admin.readAllStandardOutput(),
                admin.readAllStandardError()};
    }

    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_line;
};

TEST_F(SandboxCliTest, ServePrintsItsAddressAndAdminTalksToIt) {
    const QString url = startServer();
    ASSERT_FALSE(url.isEmpty()) << m_line.toStdString();
    // The admin token was generated and kept next to the database, so --db finds it.
    const Run created = runAdmin(
        {QStringLiteral("--url"), url, QStringLiteral("--db"), m_dir.filePath(QStringLiteral("s.db")),
         QStringLiteral("merchant_create"), QStringLiteral("merchant_no=88001234"), QStringLiteral("name=Test"),
         QStringLiteral("password=Demo#8800"), QStringLiteral("channels:=[\"wechat\",\"cash\"]")});
    ASSERT_EQ(created.exitCode, 0) << created.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(created.out).object().value(QStringLiteral("appid")).toString(),
              QStringLiteral("mch88001234"));
    const Run clash =
        runAdmin({QStringLiteral("--url"), url, QStringLiteral("--db"), m_dir.filePath(QStringLiteral("s.db")),
                  QStringLiteral("merchant_create"), QStringLiteral("merchant_no=88001234"),
                  QStringLiteral("name=Test"), QStringLiteral("password=x")});
    EXPECT_EQ(clash.exitCode, 1);
    EXPECT_TRUE(clash.err.startsWith("ALREADY_EXISTS (6002)")) << clash.err.toStdString();
}

TEST_F(SandboxCliTest, AdminWithAWrongTokenFails) {
    const QString url = startServer();
    ASSERT_FALSE(url.isEmpty()) << m_line.toStdString();
    const Run refused = runAdmin({QStringLiteral("--url"), url, QStringLiteral("--token"), QStringLiteral("wrong"),
                                  QStringLiteral("device_list")});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.startsWith("ADMIN_UNAUTHORIZED")) << refused.err.toStdString();
}

TEST_F(SandboxCliTest, SigtermStopsTheServerWithExitCodeZero) {
    ASSERT_FALSE(startServer().isEmpty()) << m_line.toStdString();
    m_server.terminate();
    ASSERT_TRUE(m_server.waitForFinished(15000));
    EXPECT_EQ(m_server.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(m_server.exitCode(), 0);
}

TEST_F(SandboxCliTest, ServeWithoutADatabaseIsABadArgument) {
    QProcess serve;
    serve.start(QStringLiteral(FACEPOS_SANDBOX_BINARY), {QStringLiteral("serve")});
    ASSERT_TRUE(serve.waitForFinished(10000));
    EXPECT_EQ(serve.exitCode(), 2);
    EXPECT_TRUE(serve.readAllStandardOutput().isEmpty());
}

}  // namespace
}  // namespace facepos::sandbox
