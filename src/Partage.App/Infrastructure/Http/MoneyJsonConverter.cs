using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Partage.Kernel;

namespace Partage.App.Infrastructure.Http;

/// <summary>
/// Money in the HTTP API, in and out: <c>{"amount": "1234.56", "currency": "EUR"}</c>. The amount is
/// a string with a dot and exactly two decimals so that no client parses it into a binary float;
/// reading also takes a JSON number. More than two decimals, or beyond <see cref="Money.MaxCents"/>,
/// is refused (400), never rounded.
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public const string AmountPattern = @"^-?\d{1,12}\.\d{2}$";

    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Un montant s'écrit {\"amount\": \"1234.56\", \"currency\": \"EUR\"}.");
        }

        decimal? amount = null;
        string? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name?.ToLowerInvariant())
            {
                case "amount":
                    amount = reader.TokenType == JsonTokenType.Number ? reader.GetDecimal()
                        : decimal.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) ? parsed
                        : throw new JsonException("Le montant s'écrit avec un point et deux décimales au plus (1234.56).");
                    break;
                case "currency":
                    currency = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (amount is not { } value || decimal.Round(value, 2, MidpointRounding.AwayFromZero) != value || Math.Abs(value) * 100 > Money.MaxCents)
        {
            throw new JsonException("Le montant manque, a plus de deux décimales ou dépasse le maximum.");
        }

        if (!string.Equals(currency ?? "EUR", "EUR", StringComparison.Ordinal))
        {
            throw new JsonException("Seuls les montants en euros (EUR) sont acceptés.");
        }

        return Money.Eur((long)(value * 100));
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("amount", value.Amount.ToString("0.00", CultureInfo.InvariantCulture));
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteEndObject();
    }
}
