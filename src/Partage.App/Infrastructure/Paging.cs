using Microsoft.EntityFrameworkCore;

namespace Partage.App.Infrastructure;

/// <summary>A page asked for by a list screen or API call; out-of-range values are brought back in range.</summary>
public readonly record struct PageRequest
{
    public const int DefaultSize = 25;
    public const int MaxSize = 200;

    /// <summary>Beyond it a page number is a typing error; kept so that (page - 1) × size never overflows.</summary>
    public const int MaxPage = 1_000_000;

    public PageRequest(int? page, int? size)
    {
        Page = page is null or < 1 ? 1 : Math.Min(page.Value, MaxPage);
        Size = size is null or < 1 ? DefaultSize : Math.Min(size.Value, MaxSize);
    }

    public int Page { get; }

    public int Size { get; }

    public int Skip => (Page - 1) * Size;
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}

public static class PagingExtensions
{
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<T>(items, page.Page, page.Size, total);
    }
}
