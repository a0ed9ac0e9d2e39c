#pragma once

// Where the device's binding to its merchant is kept: the device secret in the key store (encrypted at rest), the
// rest in the database's device_meta table. Written by activation, read at start-up.
namespace facepos::binding {

inline constexpr char kDeviceSecret[] = "device_secret";  // key store secret: 64 lower-case hex characters
inline constexpr char kMerchantNo[] = "merchant_no";      // device_meta keys
inline constexpr char kMerchantName[] = "merchant_name";
inline constexpr char kStoreNo[] = "store_no";
inline constexpr char kStoreName[] = "store_name";

}  // namespace facepos::binding
