def json_to_csv(config, params):
    """Converts a list of JSON objects to CSV text, one column per key."""
    records = parse_json('records', params.get('records'))
    if not isinstance(records, list) or not all(isinstance(record, dict) for record in records):
        raise ConnectorError('Records must be a JSON list of objects.')
    columns = unique(key for record in records for key in record)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator='\n')
    writer.writeheader()
    for record in records:
        writer.writerow({key: cell(value) for key, value in record.items()})
    return {'csv': buffer.getvalue(), 'rows': len(records)}
