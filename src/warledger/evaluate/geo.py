"""Distances and place-name comparison for scoring locations."""

from __future__ import annotations

import math
import re
import unicodedata

EARTH_RADIUS_KM = 6371.0088
LEADING_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|an|at|az|ash|the)\s+")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlam = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def place_key(name: str) -> str:
    """ "Al-Bukamal" and "al Bukamal" -> "bukamal": accents, case, punctuation and a leading
    article ("al-", "el-", "the") are not significant."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['\u2019`\u02bf\u02be]", "", text)
    text = " ".join(re.sub(r"[^\w]+", " ", text).split())
    return LEADING_ARTICLE.sub("", text)
