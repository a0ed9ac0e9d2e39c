#include <gtest/gtest.h>

#include <QJsonDocument>

#include "platform/api_signature.h"

using namespace facepos;

namespace {

QJsonObject parse(const char* json) {
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

const QByteArray kDeviceSecret = "d1c4f93843e54351772cc1b11182999c49cb9ea06896a96fc29821e1b84b4068";

// docs/terminal-api.md §4.3: a quick_pay request with nested values, Chinese text and an empty field.
const char* kQuickPay = R"({"appid": "mch88001234", "device_id": "FP2411A00123",
 "nonce_str": "fqW9XngiqGSiQ4L5F19L3EVkEX4yODml", "time_stamp": "1732347012",
 "session_token": "DIU4DB0pwTrSObsg152dNRBaqJGZDbeA", "mch_order_no": "A001232411231530120007", "total_fee": 2350,
 "fee_type": "CNY", "channel": "wechat", "auth_code": "134000000000000000", "operator_id": "C1001",
 "shift_no": "A00123-S2411231412", "body": "FacePOS 收款", "attach": "",
 "detail": {"original_fee": 3000, "member_no": "M880012340017", "member_discount_fee": 150,
            "vouchers": [{"voucher_no": "V2411000123", "deduct_fee": 500}]},
 "sign": "549F3CCAFC8FD5CF72BC82F665D6F7B7E3D711D2C1A01955015E825732EF1DDD"})";

// docs/terminal-api.md §4.3: the signed response to it.
const char* kQuickPayResponse = R"({"code": 0, "err_code": "OK", "msg": "ok",
 "data": {"trade_state": "SUCCESS", "mch_order_no": "A001232411231530120007",
          "platform_order_no": "PF202411230000001234", "channel_order_no": "4200002345202411231530150123",
          "channel": "wechat", "total_fee": 2350, "fee_type": "CNY", "operator_id": "C1001",
          "created_at": "2024-11-23T15:30:12+08:00", "paid_at": "2024-11-23T15:30:13+08:00"},
 "device_id": "FP2411A00123", "req_nonce_str": "fqW9XngiqGSiQ4L5F19L3EVkEX4yODml",
 "nonce_str": "lixFuxPS7kFDAfsy0ZkD4fUo4tsTt1sF", "time_stamp": "1732347013",
 "sign": "8B6F4C56FE9591CDC5753DE57CA4B4FFDDB44A9D184CFECB551D4344F941E909"})";

}  // namespace

// WeChat Pay's published HMAC-SHA256 example (the same fields and key as its MD5 example in the v2 signing guide).
TEST(ApiSignature, ReproducesThePublishedWeChatPayExample) {
    const QJsonObject message{{"appid", "wxd930ea5d5a258f4f"},
                              {"mch_id", "10000100"},
                              {"device_info", "1000"},
                              {"body", "test"},
                              {"nonce_str", "ibuaiVcKdpRxkhJA"}};
    const QByteArray key = "192006250b4c09247ec02edce69f6a2d";

    EXPECT_EQ(api::stringToSign(message, key),
              QByteArray("appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str="
                         "ibuaiVcKdpRxkhJA&key=192006250b4c09247ec02edce69f6a2d"));
    auto signature = api::sign(message, key);
    ASSERT_TRUE(signature.ok());
    EXPECT_EQ(*signature, QStringLiteral("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6"));
}

TEST(ApiSignature, NestedValuesAreCompactJsonWithSortedKeysAndEmptyFieldsAreLeftOut) {
    const QJsonObject message = parse(kQuickPay);
    const QByteArray canonical = api::canonicalFields(message);

    EXPECT_TRUE(canonical.contains(
        R"(detail={"member_discount_fee":150,"member_no":"M880012340017","original_fee":3000,"vouchers":[{"deduct_fee":500,"voucher_no":"V2411000123"}]}&)"))
        << canonical.constData();
    EXPECT_TRUE(canonical.contains("body=FacePOS 收款&")) << canonical.constData();
    EXPECT_FALSE(canonical.contains("attach=")) << canonical.constData();
    EXPECT_FALSE(canonical.contains("sign=")) << canonical.constData();
    EXPECT_TRUE(canonical.contains("&total_fee=2350")) << canonical.constData();
}

TEST(ApiSignature, SignsTheDocumentedRequestExample) {
    auto signature = api::sign(parse(kQuickPay), kDeviceSecret);
    ASSERT_TRUE(signature.ok());
    EXPECT_EQ(*signature, QStringLiteral("549F3CCAFC8FD5CF72BC82F665D6F7B7E3D711D2C1A01955015E825732EF1DDD"));
}

TEST(ApiSignature, VerifiesTheDocumentedResponseWhoseCodeIsZero) {
    EXPECT_TRUE(api::verify(parse(kQuickPayResponse), kDeviceSecret));
}

TEST(ApiSignature, RejectsATamperedResponse) {
    QJsonObject response = parse(kQuickPayResponse);
    QJsonObject data = response.value("data").toObject();
    data.insert("total_fee", 2351);
    response.insert("data", data);
    EXPECT_FALSE(api::verify(response, kDeviceSecret));
}

TEST(ApiSignature, RejectsAWrongKeyAMissingSignAndAGarbledSign) {
    QJsonObject response = parse(kQuickPayResponse);
    EXPECT_FALSE(api::verify(response, "86021c30b19f81fd6e4c437921ce54095f6284a47b56a0cd196de1ba0a1b0be5"));
    response.remove("sign");
    EXPECT_FALSE(api::verify(response, kDeviceSecret));
    response.insert("sign", "not-a-signature");
    EXPECT_FALSE(api::verify(response, kDeviceSecret));
}

TEST(ApiSignature, AcceptsLowerCaseHexFromTheWire) {
    QJsonObject response = parse(kQuickPayResponse);
    response.insert("sign", response.value("sign").toString().toLower());
    EXPECT_TRUE(api::verify(response, kDeviceSecret));
}

TEST(ApiSignature, PasswordProofLeavesOutItsOwnFieldAndSign) {
    const QJsonObject message{{"appid", "mch88001234"},
                              {"nonce_str", "PBousO01GRiaxGvxyCoLeXSD4OOF8Q2Y"},
                              {"password_proof", "placeholder"},
                              {"sign", "placeholder"}};
    const QByteArray key = QByteArray::fromHex("958fe29aed66ea423325cb0e1885768ca34ec5af69e12ff0851edac3b9b24270");

    EXPECT_EQ(api::canonicalFields(message, u"password_proof"),
              QByteArray("appid=mch88001234&nonce_str=PBousO01GRiaxGvxyCoLeXSD4OOF8Q2Y"));
    auto a = api::passwordProof(message, key, u"password_proof");
    QJsonObject changed = message;
    changed.insert("password_proof", "something else");
    auto b = api::passwordProof(changed, key, u"password_proof");
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(*a, *b);
    EXPECT_EQ(a->size(), 64);
}
