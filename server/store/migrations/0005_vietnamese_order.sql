-- Names in Vietnamese alphabetical order, the same on PGlite and PostgreSQL whatever locale the
-- database was created with: a sort key compared byte by byte (COLLATE "C"). The key is the
-- letters in the Vietnamese alphabet's order (a ă â b c d đ e ê … o ô ơ … u ư v x y; ă, â, đ, ê,
-- ô, ơ, ư are letters of their own), then, for names that differ only there, the tones in
-- dictionary order (none, huyền, hỏi, ngã, sắc, nặng), then the name itself. Upper and lower case
-- are the same letter. The lists sort their name and title columns by it (server/store/sql.ts viOrder).
CREATE FUNCTION vi_sort_key(name text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT translate(name,
           E'aAàÀảẢãÃáÁạẠăĂằẰẳẲẵẴắẮặẶâÂầẦẩẨẫẪấẤậẬbBcCdDđĐeEèÈẻẺẽẼéÉẹẸêÊềỀểỂễỄếẾệỆfFgGhHiIìÌỉỈĩĨíÍịỊjJkKlLmMnNoOòÒỏỎõÕóÓọỌôÔồỒổỔỗỖốỐộỘơƠờỜởỞỡỠớỚợỢpPqQrRsStTuUùÙủỦũŨúÚụỤưƯừỪửỬữỮứỨựỰvVwWxXyYỳỲỷỶỹỸýÝỵỴzZ',
           E'AAAAAAAAAAAABBBBBBBBBBBBCCCCCCCCCCCCDDEEFFGGHHHHHHHHHHHHIIIIIIIIIIIIJJKKLLMMMMMMMMMMMMNNOOPPQQRRSSSSSSSSSSSSTTTTTTTTTTTTUUUUUUUUUUUUVVWWXXYYZZ[[[[[[[[[[[[\\\\\\\\\\\\\\\\\\\\\\\\]]^^__````````````aa')
      || E'\x01'
      || regexp_replace(translate(name,
           E'aAàÀảẢãÃáÁạẠăĂằẰẳẲẵẴắẮặẶâÂầẦẩẨẫẪấẤậẬeEèÈẻẺẽẼéÉẹẸêÊềỀểỂễỄếẾệỆiIìÌỉỈĩĨíÍịỊoOòÒỏỎõÕóÓọỌôÔồỒổỔỗỖốỐộỘơƠờỜởỞỡỠớỚợỢuUùÙủỦũŨúÚụỤưƯừỪửỬữỮứỨựỰyYỳỲỷỶỹỸýÝỵỴ',
           E'\x01\x01\x02\x02\x03\x03\x04\x04\x05\x05\x06\x06\x01\x01\x02\x02\x03\x03\x04\x04\x05\x05\x06\x06\x01\x01\x02\x02\x03\x03\x04\x04\x05\x05\x06\x06\x01\x01\x02\x02\x03\x03\x04\x04\x05\x05\x06\x06\x01\x01\x02\x02\x03\x03\x04\x04\x05\x05\x06\x06\x01\x01\x02\x02\x03\x03\x04\x04\x05\x05\x06\x06\x01\x01\x02\x02\x03\x03\x04\x04\x05\x05\x06\x06\x01\x01\x02\x02\x03\x03\x04\x04\x05\x05\x06\x06\x01\x01\x02\x02\x03\x03\x04\x04\x05\x05\x06\x06\x01\x01\x02\x02\x03\x03\x04\x04\x05\x05\x06\x06\x01\x01\x02\x02\x03\x03\x04\x04\x05\x05\x06\x06\x01\x01\x02\x02\x03\x03\x04\x04\x05\x05\x06\x06'), E'[^\x01-\x06]', '', 'g')
      || E'\x01' || name
$$;
