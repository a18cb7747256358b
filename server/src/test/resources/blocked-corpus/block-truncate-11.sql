-- tests: truncate of a unicode-escaped identifier
truncate u&"t\0061ble";
