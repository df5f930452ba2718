import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { CounterpartInputError } from '@liaison/counterparts';

/**
 * Bad input the rules find (a due time in the past, an info request to an agency) is a 400
 * naming the field, as the DTOs' own checks are: the caller fixes the same thing either way.
 */
@Catch(CounterpartInputError)
export class CounterpartInputFilter implements ExceptionFilter {
  catch(err: CounterpartInputError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<{
      status(code: number): { send(body: unknown): void };
    }>();
    reply.status(400).send({
      statusCode: 400,
      error: 'Bad Request',
      message: err.message,
      details: [{ field: err.field, problems: [err.message.slice(err.field.length + 1)] }],
    });
  }
}
