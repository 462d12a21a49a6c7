-- The export's floor: the sqlite3 shell reading the same rows (items,
-- their texts, the sections' links) and writing them as XML-like lines
-- of about the export's size, in item order.
.headers off
.mode list
SELECT line FROM (
  SELECT id AS k, 0 AS o,
         printf ('<%s id="%s"%s%s%s%s%s%s%s%s>', kind, uid,
                 iif (number IS NULL, '', ' number="' || number || '"'),
                 iif (phase IS NULL, '', ' phase="' || phase || '"'),
                 iif (status IS NULL, '', ' status="' || status || '"'),
                 iif (code IS NULL, '', ' code="' || replace (code, '&', '&amp;') || '"'),
                 iif (person IS NULL, '', ' person="' || person || '"'),
                 iif (email IS NULL, '', ' email="' || email || '"'),
                 iif (phone IS NULL, '', ' phone="' || phone || '"'),
                 ifnull ((SELECT ' areas="' || group_concat (a.uid, ' ') || '"'
                          FROM link JOIN item a ON a.id = link.area WHERE link.section = item.id), '')) AS line
    FROM item
  UNION ALL
  SELECT item, 1,
         printf ('  <%s xml:lang="%s">%s</%s>', field, lang,
                 replace (replace (replace (value, '&', '&amp;'), '<', '&lt;'), '''', '&apos;'), field)
    FROM text
  UNION ALL
  SELECT id, 2, printf ('</%s>', kind) FROM item
) ORDER BY k, o;
