SELECT "user" AS g0, count(*) AS a0_0
FROM "change_all_changes"
WHERE (list_bool_or(list_transform("tag", x -> COALESCE(lower(x) = 'account', FALSE))) AND COALESCE(lower("action") = 'created', FALSE)) AND "_time" >= make_timestamp(1696173000000000::BIGINT) AND "_time" < make_timestamp(1696176600000000::BIGINT) AND "user" IS NOT NULL
GROUP BY g0
ORDER BY g0
