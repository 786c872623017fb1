using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace Partage.App.Infrastructure.Sms;

/// <summary>
/// Text messages (section "Sms"): none by default; <c>Brevo</c> sends through Brevo's transactional SMS API with the
/// account's key. Messages go through the outbox like e-mails, so a provider that is down only delays them.
/// </summary>
public sealed class SmsOptions
{
    public string Provider { get; set; } = "None";

    public string ApiUrl { get; set; } = "https://api.brevo.com/v3/transactionalSMS/send";

    public string? ApiKey { get; set; }

    /// <summary>The name the message comes from: 11 letters or digits at most (operators' rule for alphanumeric senders).</summary>
    public string Sender { get; set; } = "Partage";

    public bool IsConfigured => Provider == "Brevo" && !string.IsNullOrWhiteSpace(ApiKey);
}

/// <summary>Why a text message was not sent (no provider, or the provider's refusal): the outbox tries again later.</summary>
public sealed class SmsNotSentException(string message) : Exception(message);

public interface ISmsGateway
{
    /// <summary>Sends <paramref name="text"/> to a number in E.164 form (+33612345678).</summary>
    Task SendAsync(string to, string text, CancellationToken ct = default);
}

/// <summary>Brevo's transactional SMS API: <c>POST /v3/transactionalSMS/send</c>, the key in the <c>api-key</c> header, the number without its « + ».</summary>
public sealed class BrevoSms(HttpClient http, IOptions<SmsOptions> options) : ISmsGateway
{
    public async Task SendAsync(string to, string text, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(to);
        var o = options.Value;
        if (!o.IsConfigured)
        {
            throw new SmsNotSentException("No SMS provider is configured (Sms__Provider=Brevo, Sms__ApiKey).");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, o.ApiUrl)
        {
            Content = JsonContent.Create(new { sender = o.Sender, recipient = to.TrimStart('+'), content = text, type = "transactional", unicodeEnabled = true }),
        };
        request.Headers.Add("api-key", o.ApiKey);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new SmsNotSentException($"The SMS provider answered {(int)response.StatusCode}: {(body.Length > 300 ? body[..300] : body)}");
        }
    }
}

/// <summary>Mobile numbers, read with libphonenumber: a French number by default, any country with its « + ».</summary>
public static class MobileNumbers
{
    /// <summary>The number in E.164 form if it is a valid mobile number (a code by SMS goes to no landline), otherwise null.</summary>
    public static string? ToE164(string? phone, string region = "FR")
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var util = PhoneNumberUtil.GetInstance();
        try
        {
            var number = util.Parse(phone, region);
            return util.IsValidNumber(number) && util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE
                ? util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>« +33 6 •• •• •• 78 »: enough for the person to recognise their number.</summary>
    public static string Masked(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        return e164.Length < 6 ? e164 : $"{e164[..^8]} •• •• •• {e164[^2..]}";
    }
}

public static class SmsSetup
{
    public static IServiceCollection AddPartageSms(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmsOptions>(configuration.GetSection("Sms"));
        services.AddHttpClient<ISmsGateway, BrevoSms>(client => client.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
