#include "us_key_decoder.h"

#include <linux/input-event-codes.h>

namespace facepos::drivers {

namespace {

struct KeyChars {
    int code;
    char plain;
    char shifted;
};

// US layout. Keypad keys ignore Shift (a scanner in keypad-emulation mode sends them for digits).
constexpr KeyChars kKeys[] = {
    {KEY_1, '1', '!'},          {KEY_2, '2', '@'},          {KEY_3, '3', '#'},           {KEY_4, '4', '$'},
    {KEY_5, '5', '%'},          {KEY_6, '6', '^'},          {KEY_7, '7', '&'},           {KEY_8, '8', '*'},
    {KEY_9, '9', '('},          {KEY_0, '0', ')'},          {KEY_MINUS, '-', '_'},       {KEY_EQUAL, '=', '+'},
    {KEY_Q, 'q', 'Q'},          {KEY_W, 'w', 'W'},          {KEY_E, 'e', 'E'},           {KEY_R, 'r', 'R'},
    {KEY_T, 't', 'T'},          {KEY_Y, 'y', 'Y'},          {KEY_U, 'u', 'U'},           {KEY_I, 'i', 'I'},
    {KEY_O, 'o', 'O'},          {KEY_P, 'p', 'P'},          {KEY_LEFTBRACE, '[', '{'},   {KEY_RIGHTBRACE, ']', '}'},
    {KEY_A, 'a', 'A'},          {KEY_S, 's', 'S'},          {KEY_D, 'd', 'D'},           {KEY_F, 'f', 'F'},
    {KEY_G, 'g', 'G'},          {KEY_H, 'h', 'H'},          {KEY_J, 'j', 'J'},           {KEY_K, 'k', 'K'},
    {KEY_L, 'l', 'L'},          {KEY_SEMICOLON, ';', ':'},  {KEY_APOSTROPHE, '\'', '"'}, {KEY_GRAVE, '`', '~'},
    {KEY_BACKSLASH, '\\', '|'}, {KEY_Z, 'z', 'Z'},          {KEY_X, 'x', 'X'},           {KEY_C, 'c', 'C'},
    {KEY_V, 'v', 'V'},          {KEY_B, 'b', 'B'},          {KEY_N, 'n', 'N'},           {KEY_M, 'm', 'M'},
    {KEY_COMMA, ',', '<'},      {KEY_DOT, '.', '>'},        {KEY_SLASH, '/', '?'},       {KEY_SPACE, ' ', ' '},
    {KEY_KP0, '0', '0'},        {KEY_KP1, '1', '1'},        {KEY_KP2, '2', '2'},         {KEY_KP3, '3', '3'},
    {KEY_KP4, '4', '4'},        {KEY_KP5, '5', '5'},        {KEY_KP6, '6', '6'},         {KEY_KP7, '7', '7'},
    {KEY_KP8, '8', '8'},        {KEY_KP9, '9', '9'},        {KEY_KPDOT, '.', '.'},       {KEY_KPPLUS, '+', '+'},
    {KEY_KPMINUS, '-', '-'},    {KEY_KPASTERISK, '*', '*'}, {KEY_KPSLASH, '/', '/'},     {KEY_ENTER, '\n', '\n'},
    {KEY_KPENTER, '\n', '\n'},  {KEY_TAB, '\t', '\t'},
};

bool isOtherModifier(int code) {
    switch (code) {
        case KEY_LEFTCTRL:
        case KEY_RIGHTCTRL:
        case KEY_LEFTALT:
        case KEY_RIGHTALT:
        case KEY_LEFTMETA:
        case KEY_RIGHTMETA:
        case KEY_CAPSLOCK:
        case KEY_NUMLOCK:
            return true;
        default:
            return false;
    }
}

}  // namespace

UsKeyDecoder::Decoded UsKeyDecoder::feedKey(int code, int value) {
    const bool down = value != 0;
    if (code == KEY_LEFTSHIFT) {
        m_leftShift = down;
        return {Kind::Modifier, {}};
    }
    if (code == KEY_RIGHTSHIFT) {
        m_rightShift = down;
        return {Kind::Modifier, {}};
    }
    if (isOtherModifier(code)) return {Kind::Modifier, {}};
    if (!down) return {Kind::Release, {}};
    for (const KeyChars& key : kKeys) {
        if (key.code == code) {
            return {Kind::Character, QChar::fromLatin1((m_leftShift || m_rightShift) ? key.shifted : key.plain)};
        }
    }
    ++m_unknown;
    return {Kind::Unknown, {}};
}

void UsKeyDecoder::reset() {
    m_leftShift = false;
    m_rightShift = false;
}

}  // namespace facepos::drivers
