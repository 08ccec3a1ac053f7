SELECT (floor((epoch_us("_time") / 1000000.0) / 3600) * 3600) AS g0, COALESCE("dest", 'N/A') AS g1, count(DISTINCT "src") AS a0_0, list_sort(list_distinct(list("http_method"))) AS a1_0, min(TRY_CAST("status" AS DOUBLE)) AS a2_0, min("status") AS a2_1, sum("bytes") AS a3_0, arg_min("url", "_time") FILTER (WHERE "url" IS NOT NULL) AS a4_0
FROM "web"
WHERE ((COALESCE("url" ILIKE '%/AHT/%' ESCAPE '\', FALSE) OR COALESCE("url_length" > 1024, FALSE)) AND (NOT ("status" IS NOT NULL AND NOT COALESCE("status" ILIKE '2%' ESCAPE '\', FALSE)))) AND "_time" >= make_timestamp(1696173000000000::BIGINT) AND "_time" < make_timestamp(1696176600000000::BIGINT)
GROUP BY g0, g1
ORDER BY g0, g1
