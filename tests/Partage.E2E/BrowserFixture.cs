using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Partage.Kernel;
using Partage.Tests.Infrastructure;

namespace Partage.E2E;

/// <summary>The application on a real Kestrel port, and Debian's Chromium driven by Playwright.</summary>
public sealed class AppOnPort : PartageFactory
{
    public AppOnPort()
    {
        UseKestrel(0);
    }
}

public sealed class BrowserFixture : IAsyncLifetime
{
    public AppOnPort App { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright? playwright;

    public static string ArtifactsFolder
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("PARTAGE_ARTIFACTS") ?? Path.Combine(Path.GetTempPath(), "partage-artifacts");
            var folder = Path.Combine(root, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        App.StartServer();
        await App.ReadyAsync();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        // The suite runs beside the slice tests (test.sh): an assertion waits up to 15 s for the page to show what it
        // expects instead of Playwright's 5 s, which a loaded machine has exceeded; a fast page passes as soon as it is right.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PARTAGE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-gpu", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string email, string password = World.Password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        // The page's HTML is what the next steps read: waiting for every subresource's "load" timed out twice under a loaded machine.
        // The password check is deliberately slow (PBKDF2); on a busy machine the sign-in alone has taken more than the default 30 s.
        try
        {
            // The address is polled (not a navigation event awaited): once, the dashboard was shown but the awaited event never came.
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tableau-de-bord$"), new() { Timeout = 90_000 });
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            await ScreenshotAsync(page, "debug-signin-" + email);
            throw new TimeoutException($"sign-in as {email} stayed on {page.Url}: {await page.InnerTextAsync("main")}");
        }
    }

    /// <summary>The "disponible" figure of an activity's budget as its page shows it.</summary>
    public static async Task<decimal> AvailableAsync(IPage page, ActivityId activity)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/activites/{activity}");
        return ParseEuros(await page.Locator("[data-figure=available]").InnerTextAsync());
    }

    /// <summary>An amount as the pages print it ("1 234,56 €", French separators).</summary>
    public static decimal ParseEuros(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return decimal.Parse(text.Replace("€", string.Empty, StringComparison.Ordinal).Replace("\u202f", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal).Trim(),
            System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
    }

    /// <summary>The member's civil name, as she types it to sign.</summary>
    public static Task<string> CivilNameAsync(PartageFactory app, string email) => app.InScopeAsync(async s =>
    {
        var member = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<Partage.App.Modules.Members.Member>(), m => m.Email == email);
        return $"{member.FirstName} {member.LastName}";
    });

    /// <summary>The name of a staff account, as its owner types it to countersign.</summary>
    public static Task<string> AccountNameAsync(PartageFactory app, string email) => app.InScopeAsync(async s =>
        (await s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Partage.Persistence.PartageUser>>().FindByEmailAsync(email))!.DisplayName);

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
