using Hub.Console;
using Hub.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("console");
builder.AddConsole();

var app = builder.Build();
app.UseConsolePathBase();
app.MapDefaultEndpoints();
app.MapConsole();

await app.RunAsync();
