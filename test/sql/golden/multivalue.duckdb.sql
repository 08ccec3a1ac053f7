SELECT COALESCE(u0.mv, 'unknown') AS g0, COALESCE("src", 'unknown') AS g1, count(*) AS a0_0, list_sort(list_distinct(flatten(list("src_category")))) AS a1_0, len(list_distinct(flatten(list("tag")))) AS a2_0, COALESCE(sum(len("tag")), 0) AS a3_0
FROM "web"
CROSS JOIN LATERAL (SELECT UNNEST(COALESCE(NULLIF("dest_category", []), [NULL])) AS mv) AS u0
WHERE TRUE AND "_time" >= make_timestamp(1696173000000000::BIGINT) AND "_time" < make_timestamp(1696176600000000::BIGINT)
GROUP BY g0, g1
ORDER BY g0, g1
