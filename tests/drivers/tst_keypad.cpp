// The evdev keypad through its real read path (recorded input_event streams in a FIFO standing for the node), the
// key map and its setting, and the factory.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QFile>
#include <QTemporaryDir>

#include "drivers/input/evdev_keypad.h"
#include "drivers/input/keypad_factory.h"
#include "drivers/input/simulated_keypad.h"
#include "platform/settings.h"
#include "tst_evdev_recording.h"

using namespace facepos::drivers;
using facepos::testing::EvdevRecording;
using facepos::testing::waitUntil;
using namespace std::chrono_literals;
using us = std::chrono::microseconds;

namespace {

class EvdevKeypadTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_EQ(::mkfifo(QFile::encodeName(nodePath()).constData(), 0600), 0);
        m_writer = ::open(QFile::encodeName(nodePath()).constData(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
        ASSERT_GE(m_writer, 0);
    }
    void TearDown() override {
        if (m_writer >= 0) ::close(m_writer);
    }
    QString nodePath() const { return m_dir.filePath(QStringLiteral("event3")); }

    std::unique_ptr<EvdevKeypad> makeKeypad(KeypadKeyMap map = KeypadKeyMap::defaults()) {
        EvdevInputConfig config;
        config.device = nodePath();  // a path is accepted as well as a by-id name or vid:pid
        config.inputDir = m_dir.path();
        config.role = QStringLiteral("keypad");
        config.reconnectInterval = 60s;
        config.useUdev = false;
        auto keypad = std::make_unique<EvdevKeypad>(config, std::move(map));
        QObject::connect(keypad.get(), &IKeypad::keyPressed, [this](KeypadKey key) { m_keys.append(key); });
        return keypad;
    }
    void send(const EvdevRecording& rec) {
        ASSERT_EQ(::write(m_writer, rec.bytes().constData(), static_cast<size_t>(rec.bytes().size())),
                  rec.bytes().size());
    }

    QTemporaryDir m_dir;
    int m_writer = -1;
    QList<KeypadKey> m_keys;
};

TEST_F(EvdevKeypadTest, DefaultMapDeliversAmountEntryAndFunctionKeys) {
    auto keypad = makeKeypad();
    ASSERT_TRUE(keypad->start().ok());
    ASSERT_EQ(keypad->state().status, DeviceState::Status::Connected);
    EvdevRecording rec;
    const int codes[] = {KEY_KP1, KEY_KP2,     KEY_KPDOT,  KEY_KP5,     KEY_KPASTERISK, KEY_BACKSPACE, KEY_KPSLASH,
                         KEY_ESC, KEY_KPENTER, KEY_KPPLUS, KEY_KPMINUS, KEY_F1,         KEY_F4};
    us at(1'000'000);
    for (const int code : codes) {
        rec.tap(at, code);
        at += us(150'000);
    }

    send(rec);

    ASSERT_TRUE(waitUntil([&] { return m_keys.size() == 13; }));
    const QList<KeypadKey> expected = {
        KeypadKey::Digit1,    KeypadKey::Digit2, KeypadKey::Dot,    KeypadKey::Digit5,  KeypadKey::DoubleZero,
        KeypadKey::Backspace, KeypadKey::Clear,  KeypadKey::Cancel, KeypadKey::Confirm, KeypadKey::FacePay,
        KeypadKey::Settings,  KeypadKey::F1,     KeypadKey::F4};
    EXPECT_EQ(m_keys, expected);
}

TEST_F(EvdevKeypadTest, AutoRepeatRepeatsBackspaceOnly) {
    auto keypad = makeKeypad();
    ASSERT_TRUE(keypad->start().ok());
    EvdevRecording rec;
    rec.key(us(1'000'000), KEY_BACKSPACE, 1).key(us(1'500'000), KEY_BACKSPACE, 2).key(us(1'533'000), KEY_BACKSPACE, 2);
    rec.key(us(1'600'000), KEY_BACKSPACE, 0);
    rec.key(us(2'000'000), KEY_KP7, 1).key(us(2'500'000), KEY_KP7, 2).key(us(2'600'000), KEY_KP7, 0);

    send(rec);

    ASSERT_TRUE(waitUntil([&] { return m_keys.size() >= 4; }));
    const QList<KeypadKey> expected = {KeypadKey::Backspace, KeypadKey::Backspace, KeypadKey::Backspace,
                                       KeypadKey::Digit7};
    EXPECT_EQ(m_keys, expected);
}

TEST_F(EvdevKeypadTest, UnmappedKeysAreIgnoredAndCounted) {
    auto keypad = makeKeypad();
    ASSERT_TRUE(keypad->start().ok());
    EvdevRecording rec;
    rec.tap(us(1'000'000), KEY_VOLUMEUP).tap(us(1'100'000), KEY_KP9);

    send(rec);

    ASSERT_TRUE(waitUntil([&] { return !m_keys.isEmpty(); }));
    EXPECT_EQ(m_keys, QList<KeypadKey>{KeypadKey::Digit9});
    EXPECT_EQ(keypad->unmappedKeyCount(), 1);
}

TEST_F(EvdevKeypadTest, ConfiguredMapOverridesTheDefault) {
    const auto map =
        KeypadKeyMap::fromSetting(QStringLiteral("KEY_KPASTERISK=settings, KEY_F5=face_pay,KEY_KPPLUS=none"));
    ASSERT_TRUE(map.ok()) << map.error().message.toStdString();
    auto keypad = makeKeypad(map.value());
    ASSERT_TRUE(keypad->start().ok());
    EvdevRecording rec;
    rec.tap(us(1'000'000), KEY_KPASTERISK).tap(us(1'100'000), KEY_KPPLUS).tap(us(1'200'000), KEY_F5);

    send(rec);

    ASSERT_TRUE(waitUntil([&] { return m_keys.size() >= 2; }));
    EXPECT_EQ(m_keys, (QList<KeypadKey>{KeypadKey::Settings, KeypadKey::FacePay}));
}

TEST_F(EvdevKeypadTest, UnpluggedKeypadIsDisconnected) {
    auto keypad = makeKeypad();
    ASSERT_TRUE(keypad->start().ok());

    ::close(m_writer);
    m_writer = -1;
    ::unlink(QFile::encodeName(nodePath()).constData());

    ASSERT_TRUE(waitUntil([&] { return keypad->state().status == DeviceState::Status::Disconnected; }));
    EXPECT_TRUE(keypad->state().message.contains(QStringLiteral("keypad disconnected")));
}

TEST_F(EvdevKeypadTest, ReplugWorksAgainWithoutRestart) {
    auto keypad = makeKeypad();
    ASSERT_TRUE(keypad->start().ok());
    ::close(m_writer);
    m_writer = -1;
    ::unlink(QFile::encodeName(nodePath()).constData());
    ASSERT_TRUE(waitUntil([&] { return keypad->state().status == DeviceState::Status::Disconnected; }));

    ASSERT_EQ(::mkfifo(QFile::encodeName(nodePath()).constData(), 0600), 0);
    m_writer = ::open(QFile::encodeName(nodePath()).constData(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    ASSERT_GE(m_writer, 0);

    ASSERT_TRUE(waitUntil([&] { return keypad->state().status == DeviceState::Status::Connected; }));
    EvdevRecording rec;
    rec.tap(us(9'000'000), KEY_KPENTER);
    send(rec);
    ASSERT_TRUE(waitUntil([&] { return !m_keys.isEmpty(); }));
    EXPECT_EQ(m_keys, QList<KeypadKey>{KeypadKey::Confirm});
}

TEST(KeypadKeyMap, UnknownLinuxKeyNameIsAnError) {
    const auto map = KeypadKeyMap::fromSetting(QStringLiteral("KEY_NOPE=confirm"));
    ASSERT_FALSE(map.ok());
    EXPECT_EQ(map.error().code, QStringLiteral("keypad.bad_key_map"));
    EXPECT_TRUE(map.error().message.contains(QStringLiteral("KEY_NOPE")));
}

TEST(KeypadKeyMap, UnknownKeypadKeyNameIsAnError) {
    const auto map = KeypadKeyMap::fromSetting(QStringLiteral("KEY_F5=launch"));
    ASSERT_FALSE(map.ok());
    EXPECT_TRUE(map.error().message.contains(QStringLiteral("launch")));
}

TEST(KeypadKeyMap, EveryKeypadKeyHasADefaultCode) {
    const KeypadKeyMap map = KeypadKeyMap::defaults();
    for (int k = static_cast<int>(KeypadKey::Digit0); k <= static_cast<int>(KeypadKey::F4); ++k) {
        const auto key = static_cast<KeypadKey>(k);
        EXPECT_TRUE(std::any_of(map.entries().cbegin(), map.entries().cend(), [&](KeypadKey v) { return v == key; }))
            << keypadKeyName(key).toStdString();
    }
}

TEST(KeypadFactory, SimulatedKeypadDeliversScriptedKeysAndReportsUnplug) {
    auto keypad = createKeypad(QStringLiteral("simulated"), facepos::Settings::defaults());
    ASSERT_TRUE(keypad.ok());
    auto* simulated = qobject_cast<SimulatedKeypad*>(keypad.value().get());
    ASSERT_NE(simulated, nullptr);
    QList<KeypadKey> keys;
    QObject::connect(simulated, &IKeypad::keyPressed, [&](KeypadKey key) { keys.append(key); });
    ASSERT_TRUE(simulated->start().ok());

    EXPECT_TRUE(simulated->press(KeypadKey::Confirm));
    simulated->unplug();
    EXPECT_FALSE(simulated->press(KeypadKey::Digit1));

    EXPECT_EQ(keys, QList<KeypadKey>{KeypadKey::Confirm});
    EXPECT_EQ(simulated->state().status, DeviceState::Status::Disconnected);
}

TEST(KeypadFactory, EvdevWithoutDeviceIsAConfigurationError) {
    const auto keypad = createKeypad(QStringLiteral("evdev"), facepos::Settings::defaults());
    ASSERT_FALSE(keypad.ok());
    EXPECT_EQ(keypad.error().code, QStringLiteral("input.not_configured"));
    EXPECT_TRUE(keypad.error().message.contains(QStringLiteral("keypad.device")));
}

}  // namespace
