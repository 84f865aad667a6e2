import 'reflect-metadata';
import { BadRequestException } from '@nestjs/common';
import { IsInt, IsString, MaxLength } from 'class-validator';
import { memoizeConstraintLookups, validationPipe } from './validation.js';

class Parent {
  @IsString()
  name!: string;
}

class Child extends Parent {
  @IsInt()
  count!: number;
}

const refusals = async (metatype: new () => object, value: object): Promise<string[]> => {
  try {
    await validationPipe().transform(value, { type: 'body', metatype });
    return [];
  } catch (error) {
    return ((error as BadRequestException).getResponse() as { errors: { field: string }[] }).errors.map((e) => e.field);
  }
};

describe('the validation pipe with its constraint lookups kept per class', () => {
  it('validates own and inherited constraints, the same on every call', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await refusals(Child, { name: 1, count: 'x' })).toEqual(['count', 'name']); // own constraints first, as class-validator orders them
      expect(await refusals(Parent, { name: 'ok' })).toEqual([]);
      expect(await refusals(Parent, { name: 'ok', count: 1 })).toEqual(['count']); // not whitelisted on the parent
    }
  });

  it('sees a constraint added after a class was validated, on the class and on its subclasses', async () => {
    class Later {
      @IsString()
      title!: string;
    }
    class LaterChild extends Later {}
    expect(await refusals(Later, { title: 'a'.repeat(20) })).toEqual([]);
    expect(await refusals(LaterChild, { title: 'a'.repeat(20) })).toEqual([]);
    MaxLength(10)(Later.prototype, 'title');
    expect(await refusals(Later, { title: 'a'.repeat(20) })).toEqual(['title']);
    expect(await refusals(LaterChild, { title: 'a'.repeat(20) })).toEqual(['title']);
  });

  it('is installed once, however many pipes are made', () => {
    memoizeConstraintLookups();
    memoizeConstraintLookups();
    validationPipe();
    return expect(refusals(Child, { name: 'n', count: 2 })).resolves.toEqual([]);
  });
});
