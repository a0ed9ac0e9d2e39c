// The sandbox's payer identification (docs/terminal-api.md §17.5): the real test photographs
// (scripts/fetch-test-images, $FACEPOS_TEST_IMAGES) enrolled, then recognised — or not — in the images a terminal
// would send: the face cropped with a 40 % margin, resized, re-encoded as JPEG 85, with light, rotation and framing
// changes made here in code. First FaceMatcher alone, printing the distances it measures; then face_pay end to end
// through the real HTTP sandbox with sealed images.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <algorithm>
#include <cstdio>
#include <limits>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>
#include <string>
#include <vector>

#include "platform/crypto.h"
#include "sandbox/face_matcher.h"
#include "sandbox_fixture.h"

namespace facepos::sandbox {
namespace {

using test::SandboxReply;

QString imagesDir() {
    return qEnvironmentVariable("FACEPOS_TEST_IMAGES");
}

QByteArray readImage(const QString& name) {
    QFile file(QDir(imagesDir()).filePath(name));
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

cv::Mat decodeColour(const QByteArray& bytes) {
    const std::vector<uchar> buffer(bytes.begin(), bytes.end());
    return cv::imdecode(buffer, cv::IMREAD_COLOR);
}

QByteArray encodeJpeg(const cv::Mat& image, int quality = 85) {
    std::vector<uchar> buffer;
    cv::imencode(".jpg", image, buffer, {cv::IMWRITE_JPEG_QUALITY, quality});
    return {reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size())};
}

// The strongest face the Haar cascade finds in `photo` (the test's stand-in for the terminal's detector).
cv::Rect faceBox(const cv::Mat& photo) {
    static cv::CascadeClassifier cascade("/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml");
    cv::Mat grey;
    cv::cvtColor(photo, grey, cv::COLOR_BGR2GRAY);
    cv::equalizeHist(grey, grey);
    std::vector<cv::Rect> faces;
    std::vector<int> neighbours;
    cascade.detectMultiScale(grey, faces, neighbours, 1.1, 4, 0, cv::Size(40, 40));
    if (faces.empty()) return {0, 0, photo.cols, photo.rows};
    const auto best = std::max_element(neighbours.begin(), neighbours.end()) - neighbours.begin();
    return faces[std::size_t(best)];
}

// What the terminal sends: `box` grown by 40 % on each side (clamped to the photo), resized to `width`.
cv::Mat terminalCrop(const cv::Mat& photo, cv::Rect box, int width = 240) {
    const int mx = box.width * 4 / 10;
    const int my = box.height * 4 / 10;
    const cv::Rect grown = cv::Rect(box.x - mx, box.y - my, box.width + 2 * mx, box.height + 2 * my) &
                           cv::Rect(0, 0, photo.cols, photo.rows);
    cv::Mat crop;
    const double scale = double(width) / grown.width;
    cv::resize(photo(grown), crop, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    return crop;
}

cv::Mat rotated(const cv::Mat& photo, cv::Point2f centre, double degrees) {
    cv::Mat out;
    cv::warpAffine(photo, out, cv::getRotationMatrix2D(centre, degrees, 1.0), photo.size(), cv::INTER_LINEAR,
                   cv::BORDER_REPLICATE);
    return out;
}

struct Variant {
    std::string name;
    QByteArray jpeg;
};

// The images a terminal could send of the person in `photo`, each a JPEG of quality 85.
std::vector<Variant> terminalVariants(const cv::Mat& photo) {
    const cv::Rect box = faceBox(photo);
    const cv::Point2f centre(box.x + box.width / 2.0F, box.y + box.height / 2.0F);
    const int dx = box.width / 20;  // a 5 % shift of the framing
    const int dy = box.height / 20;
    auto adjusted = [](const cv::Mat& image, double alpha, double beta) {
        cv::Mat out;
        image.convertTo(out, -1, alpha, beta);
        return out;
    };
    const cv::Mat crop = terminalCrop(photo, box);
    std::vector<Variant> variants{
        {"crop 240 px", encodeJpeg(crop)},
        {"crop 160 px", encodeJpeg(terminalCrop(photo, box, 160))},
        {"crop 320 px", encodeJpeg(terminalCrop(photo, box, 320))},
        {"brighter +25", encodeJpeg(adjusted(crop, 1.0, 25))},
        {"darker -25", encodeJpeg(adjusted(crop, 1.0, -25))},
        {"contrast x1.15", encodeJpeg(adjusted(crop, 1.15, -10))},
        {"rotated +5 deg", encodeJpeg(terminalCrop(rotated(photo, centre, 5), box))},
        {"rotated -5 deg", encodeJpeg(terminalCrop(rotated(photo, centre, -5), box))},
        {"shifted right/down", encodeJpeg(terminalCrop(photo, box + cv::Point(dx, dy)))},
        {"shifted left/up", encodeJpeg(terminalCrop(photo, box - cv::Point(dx, dy)))},
        {"JPEG quality 60", encodeJpeg(crop, 60)},
    };
    return variants;
}

struct Person {
    const char* faceId;
    const char* file;
};
constexpr Person kEnrolled[] = {{"F01", "face-1.jpg"}, {"F02", "face-2.jpg"}, {"F03", "face-3.png"}};
constexpr const char* kNonFaces[] = {"nonface-fruits.jpg", "nonface-home.jpg", "nonface-butterfly.jpg",
                                     "nonface-coffee.png", "nonface-cat.png"};

class FaceMatchingTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (imagesDir().isEmpty() || readImage(QStringLiteral("face-1.jpg")).isEmpty()) {
            GTEST_SKIP() << "FACEPOS_TEST_IMAGES is not set or holds no test photographs "
                            "(run scripts/fetch-test-images DIR)";
        }
        QList<FaceMatcher::Enrolled> gallery;
        for (const Person& person : kEnrolled) {
            gallery.append({QString::fromLatin1(person.faceId), readImage(QString::fromLatin1(person.file))});
        }
        ASSERT_TRUE(matcher.setGallery(gallery).ok());
    }

    FaceMatcher matcher;
};

TEST_F(FaceMatchingTest, EnrolledPhotographsAreIdentifiedInTheImagesTheTerminalSends) {
    int probes = 0, right = 0, wrong = 0, unmatched = 0;
    std::printf("%-5s %-20s %-8s %9s  %s\n", "face", "variant", "nearest", "distance", "result");
    for (const Person& person : kEnrolled) {
        const cv::Mat photo = decodeColour(readImage(QString::fromLatin1(person.file)));
        ASSERT_FALSE(photo.empty()) << person.file;
        for (const Variant& variant : terminalVariants(photo)) {
            const auto found = matcher.identify(variant.jpeg);
            ++probes;
            const char* verdict = "NOT MATCHED";
            if (found.faceId == QLatin1String(person.faceId)) {
                ++right;
                verdict = "ok";
            } else if (!found.faceId.isEmpty()) {
                ++wrong;
                verdict = "WRONG FACE";
            } else {
                ++unmatched;
            }
            std::printf("%-5s %-20s %-8s %9.2f  %s\n", person.faceId, variant.name.c_str(),
                        qPrintable(found.nearestFaceId), found.distance, verdict);
        }
    }
    std::printf(
        "identified %d of %d (%.0f %%), wrong face %d (false accept rate %.1f %%), not matched %d; "
        "threshold %.1f\n",
        right, probes, 100.0 * right / probes, wrong, 100.0 * wrong / probes, unmatched, FaceMatcher::kMatchThreshold);
    // Measured: every variant identified (33 of 33); a wrong identification would pay from someone else's account.
    EXPECT_EQ(wrong, 0);
    EXPECT_EQ(right, probes);
}

// The false accepts that matter: a person who is not enrolled (here: each test person with the others enrolled, and
// the three people of faces-group.jpg) must not be taken for someone who is.
TEST_F(FaceMatchingTest, PeopleWhoAreNotEnrolledAreNotTakenForSomeoneWhoIs) {
    int probes = 0, accepted = 0;
    double nearest = std::numeric_limits<double>::infinity();
    for (const Person& absent : kEnrolled) {
        FaceMatcher others;
        QList<FaceMatcher::Enrolled> gallery;
        for (const Person& person : kEnrolled) {
            if (&person == &absent) continue;
            gallery.append({QString::fromLatin1(person.faceId), readImage(QString::fromLatin1(person.file))});
        }
        ASSERT_TRUE(others.setGallery(gallery).ok());
        for (const Variant& variant : terminalVariants(decodeColour(readImage(QString::fromLatin1(absent.file))))) {
            const auto found = others.identify(variant.jpeg);
            ++probes;
            nearest = std::min(nearest, found.distance);
            if (!found.faceId.isEmpty()) {
                ++accepted;
                std::printf("%s (not enrolled) %s taken for %s at %.2f\n", absent.faceId, variant.name.c_str(),
                            qPrintable(found.faceId), found.distance);
            }
        }
    }
    const cv::Mat group = decodeColour(readImage(QStringLiteral("faces-group.jpg")));
    ASSERT_FALSE(group.empty());
    cv::Mat grey;
    cv::cvtColor(group, grey, cv::COLOR_BGR2GRAY);
    std::vector<cv::Rect> faces;
    cv::CascadeClassifier("/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml")
        .detectMultiScale(grey, faces, 1.1, 4, 0, cv::Size(60, 60));
    EXPECT_EQ(faces.size(), 3U);
    for (const cv::Rect& box : faces) {
        const auto found = matcher.identify(encodeJpeg(terminalCrop(group, box)));
        ++probes;
        nearest = std::min(nearest, found.distance);
        if (!found.faceId.isEmpty()) ++accepted;
    }
    std::printf(
        "not enrolled: %d probes, %d accepted (false accept rate %.1f %%), nearest distance %.2f; "
        "threshold %.1f\n",
        probes, accepted, 100.0 * accepted / probes, nearest, FaceMatcher::kMatchThreshold);
    EXPECT_EQ(accepted, 0);
}

TEST_F(FaceMatchingTest, AnUnenrolledFaceMatchesNoOne) {
    const cv::Mat lena = decodeColour(readImage(QStringLiteral("face-4.png")));
    ASSERT_FALSE(lena.empty());
    for (const Variant& variant : terminalVariants(lena)) {
        const auto found = matcher.identify(variant.jpeg);
        std::printf("face-4 %-20s nearest %-4s distance %7.2f\n", variant.name.c_str(), qPrintable(found.nearestFaceId),
                    found.distance);
        EXPECT_TRUE(found.faceId.isEmpty()) << variant.name << " matched " << found.faceId.toStdString();
    }
}

TEST_F(FaceMatchingTest, ImagesWithoutAFaceMatchNoOne) {
    for (const char* name : kNonFaces) {
        const QByteArray original = readImage(QString::fromLatin1(name));
        ASSERT_FALSE(original.isEmpty()) << name;
        cv::Mat small;
        const cv::Mat photo = decodeColour(original);
        cv::resize(photo, small, cv::Size(240, 240 * photo.rows / photo.cols), 0, 0, cv::INTER_AREA);
        for (const QByteArray& image : {original, encodeJpeg(small)}) {
            const auto found = matcher.identify(image);
            std::printf("%-22s %6lld bytes: face detected %d, nearest %-4s distance %7.2f\n", name,
                        static_cast<long long>(image.size()), int(found.faceDetected), qPrintable(found.nearestFaceId),
                        found.distance);
            EXPECT_TRUE(found.faceId.isEmpty()) << name << " matched " << found.faceId.toStdString();
        }
    }
}

TEST_F(FaceMatchingTest, BytesThatDoNotDecodeMatchNoOneWithoutThrowing) {
    const QByteArray jpeg = encodeJpeg(terminalCrop(decodeColour(readImage(QStringLiteral("face-1.jpg"))),
                                                    faceBox(decodeColour(readImage(QStringLiteral("face-1.jpg"))))));
    for (const QByteArray& bytes :
         {QByteArray(), QByteArray("\xFF\xD8\xFF\xE0 test face \xFF\xD9"), jpeg.left(jpeg.size() / 3),
          QByteArray("GIF89a not a face"), QByteArray(4096, 'x')}) {
        const auto found = matcher.identify(bytes);
        EXPECT_TRUE(found.faceId.isEmpty());
    }
    const auto whole = matcher.identify(jpeg);
    EXPECT_TRUE(whole.decoded);
    EXPECT_EQ(whole.faceId, QStringLiteral("F01"));
}

TEST_F(FaceMatchingTest, EnrolmentImagesMustShowAFace) {
    EXPECT_TRUE(matcher.checkEnrolmentImage(readImage(QStringLiteral("face-2.jpg"))).ok());
    const auto fruits = matcher.checkEnrolmentImage(readImage(QStringLiteral("nonface-fruits.jpg")));
    ASSERT_FALSE(fruits.ok());
    EXPECT_EQ(fruits.error().code, QStringLiteral("face.no_face"));
    const auto garbage = matcher.checkEnrolmentImage(QByteArray("jpeg"));
    ASSERT_FALSE(garbage.ok());
    EXPECT_EQ(garbage.error().code, QStringLiteral("face.decode"));
}

// ---- face_pay through the real HTTP sandbox -----------------------------------------------------------------------

class FacePayMatchingTest : public SandboxFixture {
protected:
    void SetUp() override {
        if (imagesDir().isEmpty() || readImage(QStringLiteral("face-1.jpg")).isEmpty()) {
            GTEST_SKIP() << "FACEPOS_TEST_IMAGES is not set (run scripts/fetch-test-images DIR)";
        }
        SandboxFixture::SetUp();
    }

    void signIn() {
        activate();
        m_session = merchantLogin(*m_client, merchantKey()).data().value(QStringLiteral("session_token")).toString();
        ASSERT_FALSE(m_session.isEmpty());
    }

    // A terminal's image of the person in `file`: the face crop, shifted by 5 % and slightly brighter, JPEG 85.
    static QByteArray terminalImage(const char* file) {
        const cv::Mat photo = decodeColour(readImage(QString::fromLatin1(file)));
        const cv::Rect box = faceBox(photo);
        cv::Mat brighter;
        terminalCrop(photo, box + cv::Point(box.width / 20, 0)).convertTo(brighter, -1, 1.0, 15);
        return encodeJpeg(brighter);
    }

    QJsonObject faceRequest(const QString& orderNo) const {
        return {{QStringLiteral("session_token"), m_session},
                {QStringLiteral("mch_order_no"), orderNo},
                {QStringLiteral("total_fee"), 1880},
                {QStringLiteral("fee_type"), QStringLiteral("CNY")},
                {QStringLiteral("channel"), QStringLiteral("face")},
                {QStringLiteral("operator_id"), kOperator},
                {QStringLiteral("face_token"), m_faceToken}};
    }

    // face_authinfo, then the first face_pay submission with `jpeg` sealed to the face key for the new token.
    SandboxReply pay(const QString& orderNo, const QByteArray& jpeg) {
        const SandboxReply info =
            m_client->call(QStringLiteral("face_authinfo"),
                           {{QStringLiteral("session_token"), m_session}, {QStringLiteral("operator_id"), kOperator}});
        EXPECT_EQ(info.code(), 0) << info.raw.toStdString();
        m_faceToken = info.data().value(QStringLiteral("face_token")).toString();
        const QByteArray publicKey =
            QByteArray::fromBase64(info.data().value(QStringLiteral("face_public_key")).toString().toLatin1());
        auto sealed = crypto::sealToPublicKey(publicKey, jpeg, "facepos face image v1:" + m_faceToken.toLatin1());
        EXPECT_TRUE(sealed.ok());
        QJsonObject request = faceRequest(orderNo);
        request.insert(QStringLiteral("face_image"), QString::fromLatin1(sealed.ok() ? sealed->toBase64() : ""));
        request.insert(QStringLiteral("liveness_score"), 97);
        return m_client->call(QStringLiteral("face_pay"), request);
    }

    SandboxReply confirm(const QString& orderNo, const QString& digits) {
        QJsonObject request = faceRequest(orderNo);
        request.insert(QStringLiteral("phone_last4"), digits);
        return m_client->call(QStringLiteral("face_pay"), request);
    }

    static QString state(const SandboxReply& reply) {
        return reply.data().value(QStringLiteral("trade_state")).toString();
    }
    static QString reason(const SandboxReply& reply) {
        return reply.data().value(QStringLiteral("trade_err_code")).toString();
    }

    static inline const QString kOperator = QStringLiteral("M88001234");
    QString m_session;
    QString m_faceToken;
};

TEST_F(FacePayMatchingTest, EnrolledDemoFacesPayByTheirBehaviour) {
    // GIVEN the demo's faces enrolled from the photographs, and a signed-in terminal
    ASSERT_TRUE(m_server->enrollDemoFaces(imagesDir()).ok());
    signIn();

    // WHEN face-1 pays THEN F01's behaviour: paid at once
    const SandboxReply first = pay(QStringLiteral("A001232603020001"), terminalImage("face-1.jpg"));
    ASSERT_EQ(first.code(), 0) << first.raw.toStdString();
    EXPECT_EQ(state(first), QStringLiteral("SUCCESS"));

    // WHEN face-2 pays THEN F02's behaviour: phone confirmation with the digits 5678
    const SandboxReply second = pay(QStringLiteral("A001232603020002"), terminalImage("face-2.jpg"));
    ASSERT_EQ(second.code(), 0) << second.raw.toStdString();
    EXPECT_EQ(state(second), QStringLiteral("NEED_PHONE_CONFIRM"));
    EXPECT_EQ(state(confirm(QStringLiteral("A001232603020002"), QStringLiteral("1234"))),
              QStringLiteral("NEED_PHONE_CONFIRM"));
    EXPECT_EQ(state(confirm(QStringLiteral("A001232603020002"), QStringLiteral("5678"))), QStringLiteral("SUCCESS"));

    // WHEN face-3 pays THEN F03's behaviour: insufficient funds
    const SandboxReply third = pay(QStringLiteral("A001232603020003"), terminalImage("face-3.png"));
    EXPECT_EQ(state(third), QStringLiteral("FAIL"));
    EXPECT_EQ(reason(third), QStringLiteral("INSUFFICIENT_FUNDS"));
}

TEST_F(FacePayMatchingTest, AFaceNobodyEnrolledIsNotMatched) {
    ASSERT_TRUE(m_server->enrollDemoFaces(imagesDir()).ok());
    signIn();
    const SandboxReply lena = pay(QStringLiteral("A001232603020001"), terminalImage("face-4.png"));
    ASSERT_EQ(lena.code(), 0) << lena.raw.toStdString();
    EXPECT_EQ(state(lena), QStringLiteral("FAIL"));
    EXPECT_EQ(reason(lena), QStringLiteral("FACE_NOT_MATCHED"));
    const SandboxReply notAnImage = pay(QStringLiteral("A001232603020002"), QByteArray("\xFF\xD8\xFF\xE0 junk"));
    EXPECT_EQ(reason(notAnImage), QStringLiteral("FACE_NOT_MATCHED"));
}

TEST_F(FacePayMatchingTest, AScriptedOutcomeIsUsedBeforeMatching) {
    ASSERT_TRUE(m_server->enrollDemoFaces(imagesDir()).ok());
    signIn();
    ASSERT_EQ(admin(QStringLiteral("face_script"),
                    {{QStringLiteral("device_id"), m_client->deviceId()},
                     {QStringLiteral("results"),
                      QJsonArray{QJsonObject{{QStringLiteral("outcome"), QStringLiteral("INSUFFICIENT_FUNDS")}}}}})
                  .value(QStringLiteral("code"))
                  .toInt(),
              0);
    const SandboxReply scripted = pay(QStringLiteral("A001232603020001"), terminalImage("face-1.jpg"));
    EXPECT_EQ(reason(scripted), QStringLiteral("INSUFFICIENT_FUNDS"));
    EXPECT_EQ(state(pay(QStringLiteral("A001232603020002"), terminalImage("face-1.jpg"))), QStringLiteral("SUCCESS"));
}

TEST_F(FacePayMatchingTest, EnrollingTheDemoFacesAgainKeepsThem) {
    ASSERT_TRUE(m_server->enrollDemoFaces(imagesDir()).ok());
    ASSERT_TRUE(m_server->enrollDemoFaces(imagesDir()).ok());
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM pay_face_images")), 3);
    const auto missing = m_server->enrollDemoFaces(m_dir.filePath(QStringLiteral("no-such-folder")));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, QStringLiteral("face.file"));
}

TEST_F(FacePayMatchingTest, EnrolmentOfAnImageWithoutAFaceIsRejected) {
    const QJsonObject answer =
        admin(QStringLiteral("face_enroll"),
              {{QStringLiteral("face_id"), QStringLiteral("F10")},
               {QStringLiteral("images"),
                QJsonArray{QString::fromLatin1(readImage(QStringLiteral("face-1.jpg")).toBase64()),
                           QString::fromLatin1(readImage(QStringLiteral("nonface-home.jpg")).toBase64())}},
               {QStringLiteral("payer_name"), QStringLiteral("测试")},
               {QStringLiteral("phone"), QStringLiteral("13900004321")},
               {QStringLiteral("behaviour"), QStringLiteral("SUCCESS")}});
    EXPECT_EQ(answer.value(QStringLiteral("err_code")).toString(), QStringLiteral("INVALID_FIELD"));
    EXPECT_TRUE(answer.value(QStringLiteral("msg")).toString().contains(QStringLiteral("no face found in image 2")))
        << answer.value(QStringLiteral("msg")).toString().toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM pay_faces")), 0);
}

}  // namespace
}  // namespace facepos::sandbox
