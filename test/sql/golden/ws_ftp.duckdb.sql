SELECT "http_user_agent" AS g0, "status" AS g1, "http_method" AS g2, "url" AS g3, "url_length" AS g4, "src" AS g5, "dest" AS g6, "sourcetype" AS g7, count(*) AS a0_0, min((epoch_us("_time") / 1000000.0)) AS a1_0, max((epoch_us("_time") / 1000000.0)) AS a2_0
FROM "web"
WHERE ((COALESCE(lower("url") = '/aht/ahtapiservice.asmx/authuser', FALSE)) AND COALESCE(lower("status") = '200', FALSE) AND COALESCE(lower("http_method") = 'post', FALSE)) AND "_time" >= make_timestamp(1696173000000000::BIGINT) AND "_time" < make_timestamp(1696176600000000::BIGINT) AND "http_user_agent" IS NOT NULL AND "status" IS NOT NULL AND "http_method" IS NOT NULL AND "url" IS NOT NULL AND "url_length" IS NOT NULL AND "src" IS NOT NULL AND "dest" IS NOT NULL AND "sourcetype" IS NOT NULL
GROUP BY g0, g1, g2, g3, g4, g5, g6, g7
ORDER BY g0, g1, g2, g3, g4, g5, g6, g7
