#!/usr/bin/env python3
"""Builds assets/proof/language-model.bin.z from the word bigram model of Debian's
sunpinyin-data (open-gram, CC BY-SA 3.0): see assets/proof/SOURCES.md.

    apt-get download sunpinyin-data && dpkg-deb -x sunpinyin-data_*.deb sunpinyin
    python3 assets/proof/make_language_model.py sunpinyin/usr/lib/*/sunpinyin/data

The source holds a threaded back-off trigram (lm_sc.t3g, sunpinyin's slm.h describes the
layout) and a lexicon whose string table gives each word id its text (pydict_sc.bin). We keep
the words made only of Han characters, their unigram costs and back-off weights, and the
bigrams whose cost differs from the back-off estimate by at least PRUNE nats (the others the
checker recomputes from the unigram, so dropping them changes nothing it can tell). Trigrams
are left out: on the labelled sets they changed no decision and would double the size.

Output (little endian, then zlib-compressed):
    b"JBLM1\\n", u32 word count, u32 byte length of the words, the words joined by "\\n",
    per word: u8 unigram cost, u8 back-off cost (costs are -ln p in steps of STEP),
    per word: varint number of its bigrams, then per bigram varint (w2 - previous w2), u8 cost.
"""

import math
import struct
import sys
import zlib
from pathlib import Path

STEP = 0.1
PRUNE = 0.3


def quantize(cost):
    return max(0, min(255, round(cost / STEP)))


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def read_model(path):
    data = path.read_bytes()
    order, uses_log = struct.unpack_from("<2I", data, 0)
    assert order == 3 and uses_log == 0, "expected sunpinyin's plain-probability trigram"
    sizes = struct.unpack_from("<4I", data, 8)
    offset = 8 + 16
    probabilities = struct.unpack_from("<65536f", data, offset)
    offset += 65536 * 4
    backoffs = struct.unpack_from("<16384f", data, offset)
    offset += 16384 * 4
    levels = []
    for size in sizes[:3]:
        nodes = []
        for a, c, d in struct.iter_unpack("<3I", data[offset : offset + 12 * size]):
            # wid:18 bow:14 | pr:16 ch_lo:16 | bon:23 bol:2 ch_hi:7
            nodes.append((a & 0x3FFFF, a >> 18, c & 0xFFFF, ((d >> 25) << 16) | (c >> 16)))
        levels.append(nodes)
        offset += 12 * size
    return probabilities, backoffs, levels


def read_lexicon(path):
    data = path.read_bytes()
    strings = struct.unpack_from("<I", data, 8)[0]
    return data[strings:].decode("utf-32-le").split("\x00")


def is_han(word):
    return word and all("\u3400" <= c <= "\u9fff" for c in word)


def main(source):
    source = Path(source)
    probabilities, backoffs, (root, unigrams, bigrams) = read_model(source / "lm_sc.t3g")
    lexicon = read_lexicon(source / "pydict_sc.bin")
    kept = [i for i in range(len(unigrams) - 1) if is_han(lexicon[unigrams[i][0]])]
    new_id = {unigrams[i][0]: n for n, i in enumerate(kept)}
    words = [lexicon[unigrams[i][0]] for i in kept]
    uni_cost = {}
    out = bytearray(b"JBLM1\n")
    text = "\n".join(words).encode("utf-8")
    out += struct.pack("<II", len(words), len(text)) + text
    for i in kept:
        wid, bow, pr, _ = unigrams[i]
        uni_cost[wid] = -math.log(probabilities[pr])
        out += bytes([quantize(uni_cost[wid]), quantize(-math.log(backoffs[bow]))])
    total = 0
    for i in kept:
        wid, bow, _, child = unigrams[i]
        backoff = -math.log(backoffs[bow])
        pairs = []
        for j in range(child, unigrams[i + 1][3]):
            w2, _, pr, _ = bigrams[j]
            if w2 not in new_id:
                continue
            cost = -math.log(probabilities[pr])
            if abs(cost - (backoff + uni_cost[w2])) >= PRUNE:
                pairs.append((new_id[w2], quantize(cost)))
        pairs.sort()
        out += varint(len(pairs))
        previous = 0
        for w2, cost in pairs:
            out += varint(w2 - previous) + bytes([cost])
            previous = w2
        total += len(pairs)
    packed = zlib.compress(bytes(out), 9)
    Path(__file__).with_name("language-model.bin.z").write_bytes(packed)
    print(f"{len(words)} words, {total} bigrams, {len(out)} bytes, {len(packed)} compressed")


if __name__ == "__main__":
    main(sys.argv[1])
