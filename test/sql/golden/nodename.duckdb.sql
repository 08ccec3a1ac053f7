SELECT COALESCE("src", 'null') AS g0, epoch(TIMESTAMP '1970-01-01' + to_months(CAST(floor(((year("_time") - 1970) * 12 + month("_time") - 1) / 1) * 1 AS INTEGER))) AS g1, count(*) AS a0_0
FROM "authentication"
WHERE ((COALESCE(lower("action") = 'failure', FALSE) OR COALESCE(lower("result") = 'failure', FALSE)) AND COALESCE("user" ILIKE 'admin%' ESCAPE '\', FALSE)) AND "_time" >= make_timestamp(1696173000000000::BIGINT) AND "_time" < make_timestamp(1696176600000000::BIGINT)
GROUP BY g0, g1
ORDER BY g0, g1
